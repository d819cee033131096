namespace PartnerCenter.Browser.Tests.Infrastructure;

/// <summary>
/// Base for browser tests: a fresh browser context per test, helpers that act as a user would
/// (labels, roles, button text), screenshots, and a check at the end that the pages raised no
/// console error and no uncaught exception. A test that expects an error says so with
/// <see cref="AllowConsoleError"/>.
/// </summary>
public abstract class BrowserTest(PortalFixture portal) : IAsyncLifetime
{
    private readonly Lock gate = new();
    private readonly List<string> errors = [];
    private readonly List<string> allowedErrors = [];
    private readonly HashSet<IPage> watchedPages = [];
    private readonly List<IBrowserContext> otherContexts = [];
    private IBrowserContext? context;
    private IPage? page;

    static BrowserTest()
    {
        // Two cores shared with a build: give slow first renders room, still fail in seconds.
        SetDefaultExpectTimeout(15_000);
    }

    protected PortalFixture Portal { get; } = portal;

    protected IBrowserContext Context => context ?? throw new InvalidOperationException("The test is not initialized.");

    protected IPage Page => page ?? throw new InvalidOperationException("The test is not initialized.");

    /// <summary>The top navigation bar.</summary>
    protected ILocator MainNav => Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    public async Task InitializeAsync()
    {
        context = await NewWatchedContextAsync();
        page = await context.NewPageAsync();
        Watch(page);
    }

    public async Task DisposeAsync()
    {
        foreach (var other in otherContexts)
        {
            await other.CloseAsync();
        }

        if (context is not null)
        {
            await context.CloseAsync();
        }

        string[] unexpected;
        lock (gate)
        {
            unexpected = errors.Where(e => !allowedErrors.Exists(a => e.Contains(a, StringComparison.Ordinal))).ToArray();
        }

        if (unexpected.Length > 0)
        {
            Assert.Fail("The browser reported errors:" + Environment.NewLine + string.Join(Environment.NewLine, unexpected));
        }
    }

    /// <summary>Console errors containing <paramref name="fragment"/> are expected by this test.</summary>
    protected void AllowConsoleError(string fragment)
    {
        lock (gate)
        {
            allowedErrors.Add(fragment);
        }
    }

    protected Task<IResponse?> GoToAsync(string path) => Page.GotoAsync(path);

    /// <summary>
    /// A second person at another browser (own cookies and storage), watched for errors like the
    /// first and closed with the test. Returns its first page.
    /// </summary>
    protected async Task<IPage> OpenSecondPersonAsync()
    {
        var other = await NewWatchedContextAsync();
        lock (gate)
        {
            otherContexts.Add(other);
        }

        var otherPage = await other.NewPageAsync();
        Watch(otherPage);
        return otherPage;
    }

    /// <summary>The reader's choice of Simplified Chinese, as the header's language switch stores it: the framework's culture cookie.</summary>
    protected Task ReadChineseAsync() => Context.AddCookiesAsync(
        [new Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString("c=zh-CN|uic=zh-CN"), Url = Portal.BaseUrl }]);

    /// <summary>Signs in through the sign-in form and waits for the signed-in shell.</summary>
    protected async Task SignInAsync(string email, string password = DemoUsers.Password)
    {
        await GoToAsync("/Account/SignIn");
        await Page.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(MainNav.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    protected async Task SignOutAsync()
    {
        await MainNav.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Partner Center" })).ToBeVisibleAsync();
    }

    /// <summary>Opens a dropdown of the top navigation, e.g. "Sales", and returns its open menu.</summary>
    protected async Task<ILocator> OpenMenuAsync(string menu)
    {
        var toggle = MainNav.GetByRole(AriaRole.Button, new() { Name = menu, Exact = true });
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        var opened = MainNav.Locator(".dropdown-menu.show");
        await Expect(opened).ToBeVisibleAsync();
        return opened;
    }

    /// <summary>Opens a top navigation dropdown and follows one of its links.</summary>
    protected async Task ChooseFromMenuAsync(string menu, string item)
    {
        var opened = await OpenMenuAsync(menu);
        await opened.GetByRole(AriaRole.Link, new() { Name = item, Exact = true }).ClickAsync();
    }

    /// <summary>Saves a full-page screenshot as <c>test-output/screenshots/NAME.png</c>.</summary>
    protected Task ScreenshotAsync(string name) => ScreenshotAsync(Page, name);

    /// <summary>Saves a full-page screenshot of <paramref name="of"/> (e.g. a second person's page).</summary>
    protected static Task ScreenshotAsync(IPage of, string name) => of.ScreenshotAsync(new PageScreenshotOptions
    {
        Path = Path.Combine(TestOutput.Folder("screenshots"), name + ".png"),
        FullPage = true,
    });

    /// <summary>A browser context on the portal as every test sees it: en-US, UTC, 1280x800, 20 s timeouts.</summary>
    protected async Task<IBrowserContext> NewContextAsync(bool acceptDownloads = false)
    {
        var created = await Portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Portal.BaseUrl,
            Locale = "en-US",
            TimezoneId = "UTC",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            AcceptDownloads = acceptDownloads,
        });
        created.SetDefaultTimeout(20_000);
        return created;
    }

    private async Task<IBrowserContext> NewWatchedContextAsync()
    {
        var created = await NewContextAsync(acceptDownloads: true);
        created.Page += (_, newPage) => Watch(newPage);
        return created;
    }

    private void Watch(IPage watched)
    {
        lock (gate)
        {
            if (!watchedPages.Add(watched))
            {
                return;
            }
        }

        watched.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record($"console error on {watched.Url}: {message.Text}");
            }
        };
        watched.PageError += (_, error) => Record($"uncaught exception on {watched.Url}: {error}");
    }

    private void Record(string error)
    {
        lock (gate)
        {
            errors.Add(error);
        }
    }
}
