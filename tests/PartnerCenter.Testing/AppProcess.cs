using System.Net;
using Microsoft.EntityFrameworkCore;
using PartnerCenter.Infrastructure.Data;

namespace PartnerCenter.Testing;

/// <summary>
/// The app as a separate operating-system process (<c>dotnet PartnerCenter.Web.dll</c>) on a
/// free loopback port, so a test can SIGKILL it or run several of them on one database.
/// Disposing kills the process (and its tree).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly ChildProcess process;

    private AppProcess(ChildProcess process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => process.HasExited;

    public int Id => process.Id;

    public string Output => process.Output;

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PartnerCenter.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("PartnerCenter.sln not found above the test binaries.");
        }
    }

    /// <summary>The app's own build output, built with the same configuration as the tests.</summary>
    public static string AppDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var dll = Path.Combine(RepositoryRoot, "src", "PartnerCenter.Web", "bin", configuration, "net10.0", "PartnerCenter.Web.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/PartnerCenter.Web first.", dll);
        }
    }

    /// <summary>
    /// Settings every fault test shares: Development, demo data, the given SQLite file, rate limits
    /// off, mail over SMTP to <paramref name="smtpPort"/> with short polls and retries.
    /// </summary>
    public static Dictionary<string, string> Settings(string databasePath, int smtpPort)
    {
        var settings = Common(smtpPort);
        settings["ConnectionStrings__Sqlite"] = $"Data Source={databasePath}";
        settings["Database__Provider"] = "Sqlite";
        return settings;
    }

    /// <summary>The same settings on a <see cref="SharedDatabase"/> of either engine.</summary>
    public static Dictionary<string, string> Settings(SharedDatabase database, int smtpPort)
    {
        var settings = Common(smtpPort);
        foreach (var (key, value) in database.Settings())
        {
            settings[key] = value;
        }

        return settings;
    }

    private static Dictionary<string, string> Common(int smtpPort) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Database__SeedDemoData"] = "true",
        // The demo data has claims lapsing in 3 days; tests that count every email must not get their reminders.
        ["Sweeps__ReminderInterval"] = "12:00:00",
        ["Sweeps__EscalationInterval"] = "12:00:00",
        ["RateLimiting__Enabled"] = "false",
        ["Mail__Transport"] = "Smtp",
        ["Mail__Smtp__Host"] = "127.0.0.1",
        ["Mail__Smtp__Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail__Smtp__Security"] = "None",
        ["Mail__Smtp__Timeout"] = "00:00:05",
        ["Mail__PollInterval"] = "00:00:00.200",
        ["Mail__RetryBaseDelay"] = "00:00:01",
        ["Mail__LeaseDuration"] = "00:00:05",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>Starts the app and returns once <c>/health/ready</c> answers 200.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{ChildProcess.FreePort()}");
        var dll = AppDll;
        var environment = new Dictionary<string, string>(settings)
        {
            ["Invitations__PublicBaseUrl"] = baseAddress.ToString().TrimEnd('/'),
        };
        var app = new AppProcess(
            ChildProcess.Start("dotnet", [dll, "--urls", baseAddress.ToString().TrimEnd('/'), "--contentRoot", Path.Combine(RepositoryRoot, "src", "PartnerCenter.Web")],
                environment, Path.GetDirectoryName(dll)!),
            baseAddress);
        try
        {
            await app.WaitReadyAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A browser-like client of this instance: cookies kept, redirects not followed.</summary>
    public PartnerCenterClient Client(CookieContainer? cookies = null)
    {
        cookies ??= new CookieContainer();
#pragma warning disable CA2000 // The client owns the HttpClient (and it its handler) and disposes them.
        var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false, UseCookies = true };
        return new PartnerCenterClient(new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) }, cookies);
#pragma warning restore CA2000
    }

    /// <summary>SIGKILL: no shutdown, no flush, no finally blocks.</summary>
    public Task KillAsync() => process.KillAsync();

    public ValueTask DisposeAsync() => process.DisposeAsync();

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        await Poll.UntilAsync(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode}: {Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false; // Not listening yet.
            }
        }, StartTimeout, "the app answers /health/ready", TimeSpan.FromMilliseconds(100));
    }
}

/// <summary>
/// The database the app processes share, opened directly with the app's <see cref="AppDbContext"/>:
/// a temporary SQLite file, or a new PostgreSQL database on the run's server (dropped at dispose).
/// </summary>
public sealed class SharedDatabase : IAppDatabase, IDisposable, IAsyncDisposable
{
    public SharedDatabase(DatabaseEngine engine = DatabaseEngine.Sqlite)
    {
        Engine = engine;
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "partnercenter-tests", $"faults-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, "app.db");
        ConnectionString = engine == DatabaseEngine.PostgreSql ? PostgresServer.NewDatabase() : $"Data Source={Path}";
    }

    public DatabaseEngine Engine { get; }

    public string Folder { get; }

    /// <summary>The SQLite file (SQLite only).</summary>
    public string Path { get; }

    /// <summary>What the app processes are given as <c>ConnectionStrings:{provider}</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>The environment that points an app process at this database (a server engine migrates at start).</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["Database__Provider"] = Engine.Provider(),
        [$"ConnectionStrings__{Engine.Provider()}"] = ConnectionString,
        ["Database__MigrateOnStart"] = Engine == DatabaseEngine.PostgreSql ? "true" : "false",
    };

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        if (Engine == DatabaseEngine.PostgreSql)
        {
            DataServiceCollectionExtensions.Configure(builder, DatabaseProviders.PostgreSql, ConnectionString);
        }
        else
        {
            DataServiceCollectionExtensions.Configure(builder, DatabaseProviders.Sqlite, $"Data Source={Path};Pooling=False;Default Timeout=30");
        }

        await using var db = new AppDbContext(builder.Options);
        return await action(db);
    }

    /// <summary>The processes run on the real clock.</summary>
    public DateTime Now => DateTime.UtcNow;

    /// <summary>Drops the PostgreSQL database (if any), then removes the folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Engine == DatabaseEngine.PostgreSql)
        {
            await PostgresServer.DropDatabaseAsync(ConnectionString);
        }

        Dispose();
    }

    /// <summary>Removes the SQLite file and its folder; <see cref="DisposeAsync"/> also drops a PostgreSQL database.</summary>
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
