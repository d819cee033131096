using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using PartnerCenter.Infrastructure.Data;

namespace PartnerCenter.Web.Tests.Infrastructure;

/// <summary>
/// The real app (Development, demo data seeded) on its own temporary SQLite file, migrated by the
/// app's own start-up code. Share one per test class (<c>IClassFixture</c>): starting it costs the
/// migrations plus a password hash per seeded user. The file and its -wal/-shm go with the factory.
/// </summary>
public class PartnerCenterFactory : WebApplicationFactory<Program>
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "partnercenter-tests");
    private readonly TimeProvider? clock;

    public PartnerCenterFactory()
        : this(clock: null)
    {
    }

    /// <param name="clock">Replaces the app's <see cref="TimeProvider"/>, e.g. a <c>FakeTimeProvider</c>.</param>
    protected PartnerCenterFactory(TimeProvider? clock)
    {
        this.clock = clock;
        Directory.CreateDirectory(Folder);
        DatabasePath = Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
    }

    public string DatabasePath { get; }

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString();

    /// <summary>Every file SQLite may have made for this database.</summary>
    public IEnumerable<string> DatabaseFiles => [DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm", DatabasePath + "-journal"];

    /// <summary>Whether start-up seeds the demo accounts; off makes a factory cheaper when no one signs in.</summary>
    protected virtual bool SeedDemoData => true;

    /// <summary>Extra configuration for later suites (SMTP, token lifetimes...); seen by Program while it registers services.</summary>
    protected virtual void ConfigureSettings(IDictionary<string, string?> settings)
    {
    }

    /// <summary>Service replacements applied after Program's own registrations.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Development);

        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = DatabaseProviders.Sqlite,
            ["ConnectionStrings:Sqlite"] = ConnectionString,
            ["Database:SeedDemoData"] = SeedDemoData ? "true" : "false",
            ["Logging:LogLevel:Default"] = "Warning",

            // Most suites sign in many times a minute from one address; the rate-limit tests turn it back on.
            ["RateLimiting:Enabled"] = "false",
        };
        ConfigureSettings(settings);

        // UseSetting (not ConfigureAppConfiguration) so Program sees the values while it registers services.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (clock is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(clock);
            }

            ConfigureTestServices(services);
        });
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects by itself.</summary>
    public PartnerCenterClient CreatePartnerCenterClient()
    {
        var cookies = new CookieContainerHandler();
        var http = CreateDefaultClient(new Uri("http://localhost/"), cookies);
        return new PartnerCenterClient(http, cookies.Container);
    }

    /// <summary>A client signed in as a demo user; throws when the sign-in does not succeed.</summary>
    public async Task<PartnerCenterClient> SignedInClientAsync(string email, string password = DemoUsers.Password)
    {
        var client = CreatePartnerCenterClient();
        await client.SignInOrThrowAsync(email, password);
        return client;
    }

    /// <summary>Runs a query against the app's database in its own scope, as the app would.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<string> UserIdAsync(string email) =>
        WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        SqliteConnection.ClearAllPools();
        foreach (var file in DatabaseFiles)
        {
            if (Directory.Exists(file))
            {
                Directory.Delete(file, recursive: true);
            }
            else
            {
                File.Delete(file);
            }
        }
    }
}
