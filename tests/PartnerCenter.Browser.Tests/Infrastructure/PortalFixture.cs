using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace PartnerCenter.Browser.Tests.Infrastructure;

/// <summary>
/// One app instance on a fresh SQLite file with the demo data, and one headless Debian Chromium,
/// shared by the tests of a collection. Each test gets its own browser context (cookies, storage).
/// Suites that need other settings (an SMTP mailbox, a fake clock) derive and override
/// <see cref="AddSettings"/>, and declare their own collection.
/// </summary>
public class PortalFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "pc-browser-" + Guid.NewGuid().ToString("N"));
    private PortalServer? server;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public string BaseUrl => Server.BaseUrl;

    public PortalServer Server => server ?? throw new InvalidOperationException("The fixture is not initialized.");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The fixture is not initialized.");

    public string DatabasePath => Path.Combine(dataFolder, "partnercenter.db");

    /// <summary>Where the app writes outgoing email as .eml files (pickup transport).</summary>
    public string MailFolder => Path.Combine(dataFolder, "mail");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dataFolder);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={DatabasePath}",
            ["Database:SeedDemoData"] = "true",
            // Emails land here (the embedded default transport), not in the repository.
            ["Mail:Transport"] = "Pickup",
            ["Mail:PickupDirectory"] = MailFolder,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        AddSettings(settings);

        server = new PortalServer(settings);
        server.Start();

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    /// <summary>Adds or overrides app configuration (keys as in appsettings, e.g. <c>Mail:Transport</c>).</summary>
    protected virtual void AddSettings(IDictionary<string, string?> settings)
    {
    }
}
