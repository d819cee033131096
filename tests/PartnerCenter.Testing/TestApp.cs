using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Infrastructure.Data;
using PartnerCenter.Infrastructure.Mail;
using PartnerCenter.Infrastructure.Webhooks;

namespace PartnerCenter.Testing;

/// <summary>
/// The real app (Development, demo data seeded) on its own temporary SQLite file, migrated by the
/// app's own start-up code: the one app wrapper of every suite. Options:
/// a fake clock (<see cref="Clock"/>), an SMTP sink (<see cref="Smtp"/>, else a pickup folder of its own),
/// the background dispatcher on or off (<see cref="RunDispatcher"/>), real Kestrel on a loopback
/// port for a browser (<see cref="StartRealServer"/>), and another app's database file
/// (<see cref="DatabaseOf"/>), as a second app instance would use it; PostgreSQL instead of SQLite
/// (<see cref="Engine"/>) for the suites that run on both engines.
/// Share one per test class (<c>IClassFixture</c>): starting it costs the migrations plus a
/// password hash per seeded user. The files it made go with it.
/// </summary>
public class TestApp : WebApplicationFactory<Program>, IAppDatabase
{
    /// <summary>Links the app writes start with this (unless it runs on real Kestrel: then its own address).</summary>
    public const string PublicBaseUrl = "https://partners.example.test";

    /// <summary>A fixed, unambiguous instant far from the real date, so a test can tell fake time from real time.</summary>
    public static readonly DateTimeOffset FakeStart = new(2031, 3, 14, 9, 30, 0, TimeSpan.Zero);

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "partnercenter-tests");

    /// <summary>
    /// Every app of a test process watches files by polling, not inotify: each host would otherwise take inotify
    /// instances (configuration reload, the web root's file versions), and a suite holding dozens of apps at once
    /// reaches the per-user limit (128 on Debian), after which a page fails with an IOException.
    /// </summary>
    static TestApp() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    private readonly DatabaseEngine engine = DatabaseEngine.Sqlite;
    private string? postgresConnectionString;

    /// <summary>One public constructor: xunit builds class fixtures through it. Options are init properties.</summary>
    public TestApp()
    {
        Directory.CreateDirectory(Folder);
        var id = Guid.NewGuid().ToString("N");
        DatabasePath = Path.Combine(Folder, $"{id}.db");
        PickupDirectory = Path.Combine(Folder, $"pickup-{id}");
    }

    /// <summary>
    /// SQLite (a temporary file, the default) or PostgreSQL (a new database on <see cref="PostgresServerConnectionString"/>,
    /// migrated by the app at start, dropped at dispose). With <see cref="DatabaseOf"/>, that app's engine.
    /// </summary>
    public DatabaseEngine Engine
    {
        get => DatabaseOf?.Engine ?? engine;
        init => engine = value;
    }

    /// <summary>The PostgreSQL server to make the database on; null: the run's server (<see cref="PostgresServer"/>).</summary>
    public string? PostgresServerConnectionString { get; init; }

    /// <summary>Replaces the app's <see cref="TimeProvider"/>, e.g. with a <see cref="FakeTimeProvider"/>; null keeps the real clock.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>The fake clock the app was given.</summary>
    public FakeTimeProvider FakeClock => Clock as FakeTimeProvider ?? throw new InvalidOperationException("This app does not run on a fake clock.");

    /// <summary>A fake clock starting at <see cref="FakeStart"/>, for <c>new TestApp { Clock = TestApp.NewFakeClock() }</c>.</summary>
    public static FakeTimeProvider NewFakeClock() => new(FakeStart);

    /// <summary>The file this app created; with <see cref="DatabaseOf"/>, the other app's file is used instead.</summary>
    public string DatabasePath { get; }

    public string ConnectionString => DatabaseOf?.ConnectionString ?? (Engine == DatabaseEngine.PostgreSql
        ? postgresConnectionString ??= PostgresServer.NewDatabase(PostgresServerConnectionString)
        : new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString());

    /// <summary>Every file SQLite may have made for this database.</summary>
    public IEnumerable<string> DatabaseFiles => [DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm", DatabasePath + "-journal"];

    /// <summary>Where the app writes outgoing email as .eml files when no <see cref="Smtp"/> is set.</summary>
    public string PickupDirectory { get; }

    /// <summary>Whether start-up seeds the demo accounts; off makes an app cheaper when no one signs in.</summary>
    public bool SeedDemoData { get; init; } = true;

    /// <summary>Send through this server (MailKit, no TLS) instead of the pickup folder.</summary>
    public SmtpServer? Smtp { get; init; }

    /// <summary>Whether the app's background dispatcher runs; off, tests call <see cref="DispatchOnceAsync"/>.</summary>
    public bool RunDispatcher { get; init; } = true;

    /// <summary>Run on that app's database file instead of a new one (it keeps owning the file).</summary>
    public TestApp? DatabaseOf { get; init; }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Whether the app's background webhook dispatcher runs; off, tests call <see cref="DeliverWebhooksOnceAsync"/>.</summary>
    public bool RunWebhookDispatcher { get; init; } = true;

    /// <summary>Webhooks:RetryBaseDelay (the first retry's wait; doubles after each failure).</summary>
    public TimeSpan WebhookRetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Webhooks:MaxAge: how long a delivery is retried before it is marked failed.</summary>
    public TimeSpan WebhookMaxAge { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Webhooks:AllowLocalAddresses: false is the app outside Development (SSRF guard on).</summary>
    public bool WebhookLocalAddresses { get; init; } = true;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(10);

    public int MaxAttempts { get; init; } = 5;

    public int BatchSize { get; init; } = 50;

    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Advancing a fake clock fires a periodic timer once per elapsed period: at the app's default
    /// minute, a week's jump takes the expiry sweeper 10,080 rounds (seconds of test time).
    /// </summary>
    public TimeSpan ExpirySweepInterval { get; init; } = TimeSpan.FromHours(12);

    /// <summary>How often the Monthly budget reset sweep runs (long by default, for the same reason).</summary>
    public TimeSpan BudgetResetSweepInterval { get; init; } = TimeSpan.FromHours(12);

    /// <summary>How often the claim reminder sweep runs; long by default (tests call <c>SendClaimReminders</c> themselves).</summary>
    public TimeSpan ReminderSweepInterval { get; init; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How often the overdue digest and escalation sweep runs; 40 days by default, so a test that moves a fake clock by
    /// days does not get a digest it did not ask for (tests call the use cases themselves).
    /// </summary>
    public TimeSpan EscalationSweepInterval { get; init; } = TimeSpan.FromDays(40);

    /// <summary>The development key of <c>POST /platform/usage</c> (appsettings.Development.json).</summary>
    public const string PlatformApiKey = "dev-platform-key-not-a-secret";

    /// <summary>Once <see cref="StartRealServer"/> ran: e.g. <c>http://127.0.0.1:41235</c>, no trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The app's singleton dispatcher (the one the background service runs).</summary>
    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    /// <summary>The app's singleton webhook dispatcher (the one the background service runs).</summary>
    public WebhookDispatcher WebhookDispatcher => Services.GetRequiredService<WebhookDispatcher>();

    /// <summary>One round of the app's webhook dispatcher: claims due deliveries and posts them.</summary>
    public Task<int> DeliverWebhooksOnceAsync() => WebhookDispatcher.DispatchOnceAsync(CancellationToken.None);

    /// <summary>One round of the app's dispatcher: claims a batch and sends it.</summary>
    public Task<int> DispatchOnceAsync() => Dispatcher.DispatchOnceAsync(CancellationToken.None);

    /// <summary>The app's "now".</summary>
    public DateTime Now => Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    /// <summary>
    /// Starts the app on real Kestrel at 127.0.0.1 with a port the OS picks, so another process (a
    /// browser) can reach it; invitation links then point at it.
    /// </summary>
    public void StartRealServer()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = addresses.Single().TrimEnd('/');
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

    /// <summary>Resolves a service (a Core use case, say) in a scope of its own and runs <paramref name="use"/> with it.</summary>
    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<string> UserIdAsync(string email) =>
        WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Extra configuration for a suite; seen by Program while it registers services.</summary>
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
            ["Database:Provider"] = Engine.Provider(),
            [$"ConnectionStrings:{Engine.Provider()}"] = ConnectionString,

            // SQLite always migrates at start; a server engine only when told, as in production.
            ["Database:MigrateOnStart"] = Engine == DatabaseEngine.PostgreSql ? "true" : "false",
            ["Database:SeedDemoData"] = SeedDemoData ? "true" : "false",
            ["Logging:LogLevel:Default"] = "Warning",

            // Suites sign in many times a minute from one address; the rate-limit tests turn it back on.
            ["RateLimiting:Enabled"] = "false",

            ["Invitations:PublicBaseUrl"] = PublicBaseUrl,
            ["Mail:Transport"] = "Pickup",
            ["Mail:PickupDirectory"] = PickupDirectory,
            ["Mail:PollInterval"] = Format(PollInterval),
            ["Mail:RetryBaseDelay"] = Format(RetryBaseDelay),
            ["Mail:MaxAttempts"] = MaxAttempts.ToString(CultureInfo.InvariantCulture),
            ["Mail:BatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
            ["Mail:LeaseDuration"] = Format(LeaseDuration),
            ["Sweeps:ExpiryInterval"] = Format(ExpirySweepInterval),
            ["Sweeps:BudgetResetInterval"] = Format(BudgetResetSweepInterval),
            ["Sweeps:ReminderInterval"] = Format(ReminderSweepInterval),
            ["Sweeps:EscalationInterval"] = Format(EscalationSweepInterval),
            ["Webhooks:PollInterval"] = Format(PollInterval),
            ["Webhooks:RetryBaseDelay"] = Format(WebhookRetryBaseDelay),
            ["Webhooks:MaxAge"] = Format(WebhookMaxAge),
            ["Webhooks:Timeout"] = "00:00:05",
            ["Webhooks:AllowLocalAddresses"] = WebhookLocalAddresses ? "true" : "false",
        };
        if (Smtp is not null)
        {
            settings["Mail:Transport"] = "Smtp";
            settings["Mail:Smtp:Host"] = Smtp.Host;
            settings["Mail:Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture);
            settings["Mail:Smtp:Security"] = "None";
            settings["Mail:Smtp:Timeout"] = "00:00:10";
        }

        ConfigureSettings(settings);

        // UseSetting (not ConfigureAppConfiguration) so Program sees the values while it registers services.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (Clock is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(Clock);
            }

            // On real Kestrel, links must point at this server, whose port is known only once it
            // listens. Options are read per request, so this runs after StartRealServer set BaseUrl.
            services.PostConfigure<InvitationOptions>(options =>
            {
                if (BaseUrl.Length > 0)
                {
                    options.PublicBaseUrl = BaseUrl;
                }
            });

            if (!RunDispatcher || !RunWebhookDispatcher)
            {
                IdleDispatchers(services, RunDispatcher, RunWebhookDispatcher);
            }

            ConfigureTestServices(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (postgresConnectionString is not null)
        {
            await PostgresServer.DropDatabaseAsync(postgresConnectionString);
        }

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

        if (Directory.Exists(PickupDirectory))
        {
            Directory.Delete(PickupDirectory, recursive: true);
        }
    }

    private static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    /// <summary>
    /// Program registers the dispatcher as a singleton and hosts it through a factory; keep the
    /// singleton (tests drive it), swap only its hosting for a service that does nothing.
    /// </summary>
    private static void IdleDispatchers(IServiceCollection services, bool email, bool webhooks)
    {
        var replaced = 0;
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceType == typeof(IHostedService) && services[i].ImplementationFactory is { } create)
            {
                services[i] = ServiceDescriptor.Singleton<IHostedService>(sp =>
                    create(sp) is IHostedService hosted && !(hosted is OutboxDispatcher && !email) && !(hosted is WebhookDispatcher && !webhooks) ? hosted : new Idle());
                replaced++;
            }
        }

        if (replaced == 0)
        {
            throw new InvalidOperationException("The outbox dispatcher is no longer hosted through a factory; update TestApp.");
        }
    }

    private sealed class Idle : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
