using System.Text.RegularExpressions;

namespace PartnerCenter.Browser.Tests;

/// <summary>
/// Issue 13, "Every page passes the third-party checkers": for each kind of user, every page reached
/// by following links (plus the dialogs that open from buttons which change nothing) has no serious
/// or critical axe-core violation and no Nu HTML checker error. A new page is checked as soon as a
/// link leads to it. The pages have data: the demo seed plus what <see cref="EveryPageFixture"/> adds.
/// </summary>
[Collection(EveryPageCollection.Name)]
public sealed class EveryPageTests(EveryPageFixture portal) : BrowserTest(portal)
{
    private EveryPageFixture Checks { get; } = portal;

    /// <summary>The dialogs a partner opens from Customer Development and Customers without changing anything.</summary>
    private static readonly DialogStep[] PartnerDialogs =
    [
        new("/CustomerDevelopment", "button[aria-label^='Invite ']"),
        new("/CustomerDevelopment", "[aria-label^='Link / QR code for ']"),
        new("/Customers", "button[aria-label^='Set Budget for ']"),
    ];

    [Fact]
    public async Task Every_page_a_partner_admin_reaches_passes_axe_and_vnu()
    {
        await Checks.DataAsync();
        await SignInAsync(DemoUsers.NorthwindAdmin);
        await CrawlAsync("partner-admin", ["/"], PartnerDialogs, "/Users", "/Audit/");
    }

    [Fact]
    public async Task Every_page_partner_staff_with_Customer_Development_reach_passes_axe_and_vnu()
    {
        await Checks.DataAsync();
        await SignInAsync(DemoUsers.NorthwindSales);
        await CrawlAsync("partner-staff", ["/"], PartnerDialogs, "/CustomerDevelopment/History", "/Invitations/History/", "/Customers/Adjustments/",
            "/CustomerDevelopment/RequestExtension/");
    }

    [Fact]
    public async Task Every_page_the_ecosystem_manager_reaches_passes_axe_and_vnu()
    {
        await Checks.DataAsync();
        await SignInAsync(DemoUsers.EcosystemManager);
        await CrawlAsync("ecosystem-manager", ["/", "/Ecosystem/Lookup?email=" + Uri.EscapeDataString(DemoData.Loyal)], [],
            "/Ecosystem/Reviews", "/Ecosystem/Reject/", "/Ecosystem/Return/", "/Ecosystem/Tickets", "/Audit/");
    }

    [Fact]
    public async Task Every_page_the_platform_administrator_reaches_passes_axe_and_vnu()
    {
        await Checks.DataAsync();
        await SignInAsync(DemoUsers.Operator);
        await CrawlAsync("platform-administrator", ["/"], [], "/Outbox");
    }

    [Fact]
    public async Task Every_page_a_customer_reaches_passes_axe_and_vnu()
    {
        await Checks.DataAsync();
        await SignInAsync(DemoUsers.Customer);
        await CrawlAsync("customer", ["/"], [], "/MyPartner");
    }

    [Fact]
    public async Task Every_page_an_anonymous_visitor_reaches_passes_axe_and_vnu()
    {
        var data = await Checks.DataAsync();
        await CrawlAsync("anonymous", ["/Account/SignIn", data.OpenInvitation, data.OpenInvitation + "/register", "/"], [],
            "/Account/SignIn", "/invite/", "/register");
    }

    /// <summary>Crawls as the signed-in user, checks, and asserts the crawl reached the pages the role must reach.</summary>
    private async Task CrawlAsync(string role, string[] start, DialogStep[] dialogs, params string[] mustReach)
    {
        var crawler = new SiteCrawler(Page, Portal.BaseUrl, role);
        await crawler.CrawlAsync(start, dialogs);
        await File.WriteAllLinesAsync(Path.Combine(TestOutput.Folder("html"), role + ".txt"), crawler.Visited);

        foreach (var path in mustReach)
        {
            Assert.True(crawler.Visited.Exists(v => v.Contains(path, StringComparison.OrdinalIgnoreCase)),
                $"{role}: the crawl never reached {path}. Visited:{Environment.NewLine}{string.Join(Environment.NewLine, crawler.Visited)}");
        }

        await crawler.AssertNoFindingsAsync();
    }
}

/// <summary>The page checks run on an app of their own, so the data they add does not meet other suites'.</summary>
[CollectionDefinition(Name)]
public sealed class EveryPageCollection : ICollectionFixture<EveryPageFixture>
{
    public const string Name = "Every page";
}

/// <summary>The invitation links the page checks open.</summary>
public sealed record EveryPageData(string OpenInvitation);

/// <summary>
/// The demo data plus, added once through the pages as users would: an invitation email still open
/// (the anonymous landing and registration), one the seeded customer accepted (My Partner, a second
/// Northwind customer, audit rows), a Link/QR code (invitation history with a link) and a failed email (Outbox).
/// </summary>
public sealed class EveryPageFixture : PortalFixture
{
    private const string OpenEmail = "olga.offen@checkers.example";
    private readonly Lazy<Task<EveryPageData>> data;

    public EveryPageFixture() => data = new(AddDataAsync);

    /// <summary>Adds the data on first call (tests of a collection run one at a time).</summary>
    public Task<EveryPageData> DataAsync() => data.Value;

    private async Task<EveryPageData> AddDataAsync()
    {
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-US", TimezoneId = "UTC" });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();

        await SignInAsync(page, DemoUsers.NorthwindSales);
        await page.GotoAsync("/CustomerDevelopment");
        await page.PreregisterAsync(new("Olga Offen", "O*** O***", OpenEmail, "o***@checkers.example", "+49 1512 3456761", "+49 *** *** 61"), sendInvitation: true);
        await page.PreregisterAsync(new("Erik Existing", "E*** E***", DemoUsers.Customer, "e***@customers.example", "+49 1512 3456762", "+49 *** *** 62"), sendInvitation: true);
        await page.PreregisterAsync(new("Paula Plain", "P*** P***", "paula.plain@checkers.example", "p***@checkers.example", "+49 1512 3456763", "+49 *** *** 63"), sendInvitation: false);
        await page.Locator("[aria-label='Link / QR code for P*** P***']").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Link / QR code", Level = 1 })).ToBeVisibleAsync();

        var open = await InvitationLinkAsync(page, OpenEmail);
        var accepted = await InvitationLinkAsync(page, DemoUsers.Customer);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await SignInAsync(page, DemoUsers.Customer);
        await page.GotoAsync(accepted);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "I agree to become a customer of Northwind Cloud on the terms above" }).CheckAsync();
        await page.Button("Associate").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are now a customer of Northwind Cloud" })).ToBeVisibleAsync();

        // A failed email for the Outbox page's table (the portal's pickup folder never fails by itself).
        await Server.WithDbAsync(async db =>
        {
            var failed = PartnerCenter.Core.Mail.OutboxMessage.For(new("Check", "<p>Check</p>", "Check"), "failed.check@checkers.example", Server.Now);
            failed.Attempts = 5;
            failed.GiveUp("SmtpCommandException: 550 5.1.1 Mailbox unavailable");
            db.OutboxMessages.Add(failed);
            return await db.SaveChangesAsync();
        });

        return new EveryPageData(new Uri(open).PathAndQuery);
    }

    private static async Task<string> InvitationLinkAsync(IPage page, string email)
    {
        var message = await page.WaitForEmailToAsync(email, TimeSpan.FromSeconds(30));
        await message.GetByRole(AriaRole.Link).First.ClickAsync();
        return await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("[/]invite[/]") }).GetAttributeAsync("href")
            ?? throw new InvalidOperationException($"The email to {email} has no invitation link.");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoUsers.Password);
        await page.Button("Sign in").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }
}
