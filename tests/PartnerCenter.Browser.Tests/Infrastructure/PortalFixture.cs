namespace PartnerCenter.Browser.Tests.Infrastructure;

/// <summary>
/// One app instance on a fresh SQLite file with the demo data, and one headless Debian Chromium,
/// shared by the tests of a collection. Each test gets its own browser context (cookies, storage).
/// Suites that need another app (an SMTP mailbox, a fake clock) derive and override
/// <see cref="CreateApp"/>, and declare their own collection.
/// </summary>
public class PortalFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private TestApp? server;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public string BaseUrl => Server.BaseUrl;

    public TestApp Server => server ?? throw new InvalidOperationException("The fixture is not initialized.");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The fixture is not initialized.");

    public string DatabasePath => Server.DatabasePath;

    /// <summary>Where the app writes outgoing email as .eml files (pickup transport).</summary>
    public string MailFolder => Server.PickupDirectory;

    public async Task InitializeAsync()
    {
        server = CreateApp();
        server.StartRealServer();

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
    }

    /// <summary>The app this collection runs (the demo data on a fresh file, mail to a pickup folder); a suite may configure another.</summary>
    protected virtual TestApp CreateApp() => new();
}
