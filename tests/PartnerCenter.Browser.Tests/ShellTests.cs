using System.Text.RegularExpressions;

namespace PartnerCenter.Browser.Tests;

/// <summary>The Partner Center shell as a partner meets it: sign in, the menus, Home, the permission page.</summary>
[Collection(PortalCollection.Name)]
public sealed class ShellTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task Sales_user_reaches_Customer_Development_through_the_Sales_menu()
    {
        await SignInAsync(DemoUsers.NorthwindSales);

        var menu = await OpenMenuAsync("Sales");
        await Expect(menu.GetByRole(AriaRole.Heading, new() { Name = "Leads and Opportunities" })).ToBeVisibleAsync();
        await ScreenshotAsync("sales-menu-open");
        await menu.GetByRole(AriaRole.Link, new() { Name = "Customer Development", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/CustomerDevelopment$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Customer Development", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }))
            .ToHaveTextAsync(new Regex("Sales\\s*Leads and Opportunities\\s*Customer Development"));
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "From Partner Center" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "History Records" })).ToBeVisibleAsync();
        await ScreenshotAsync("customer-development");
    }

    [Fact]
    public async Task Home_shows_the_partner_and_its_ecosystem_manager()
    {
        await SignInAsync(DemoUsers.NorthwindSales);

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Sam Sales" })).ToBeVisibleAsync();
        await Expect(MainNav).ToContainTextAsync("Sam Sales");
        await Expect(MainNav).ToContainTextAsync("Northwind Cloud");
        var manager = Page.GetByRole(AriaRole.Complementary, new() { Name = "Your ecosystem manager" });
        await Expect(manager).ToContainTextAsync("Erika Meyer");
        await Expect(manager.GetByRole(AriaRole.Link, new() { Name = "em@platform.example" }))
            .ToHaveAttributeAsync("href", "mailto:em@platform.example");
        await Expect(manager).ToContainTextAsync("+49 30 901820");
        await ScreenshotAsync("home-sales");
    }

    [Fact]
    public async Task Ecosystem_manager_sits_at_the_top_right_of_Home()
    {
        await SignInAsync(DemoUsers.NorthwindSales);

        var welcome = await BoxOf(Page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Sam Sales" }));
        var manager = await BoxOf(Page.GetByRole(AriaRole.Complementary, new() { Name = "Your ecosystem manager" }));
        var width = Page.ViewportSize!.Width;

        Assert.True(manager.Y <= welcome.Y + welcome.Height,
            $"The ecosystem manager card starts at y={manager.Y}, below the welcome heading (bottom y={welcome.Y + welcome.Height}).");
        Assert.True(manager.X + manager.Width >= width - 48,
            $"The ecosystem manager card ends at x={manager.X + manager.Width}, not at the right edge of a {width}px window.");
    }

    [Fact]
    public async Task Staff_without_the_permission_get_a_page_naming_their_ecosystem_manager()
    {
        // The permission page answers 403 on purpose; Chromium logs that as a console error.
        AllowConsoleError("status of 403");
        await SignInAsync(DemoUsers.NorthwindIntern);

        var response = await Page.RunAndWaitForResponseAsync(
            () => ChooseFromMenuAsync("Sales", "Customer Development"),
            r => r.Url.EndsWith("/CustomerDevelopment", StringComparison.Ordinal));

        Assert.Equal(403, response.Status);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "You don't have the Customer Development permission" })).ToBeVisibleAsync();
        var main = Page.GetByRole(AriaRole.Main);
        await Expect(main).ToContainTextAsync("Erika Meyer");
        await Expect(main.GetByRole(AriaRole.Link, new() { Name = "em@platform.example" })).ToBeVisibleAsync();
        await ScreenshotAsync("customer-development-no-permission");
    }

    [Fact]
    public async Task Partner_admin_sees_Users_and_staff_do_not()
    {
        await SignInAsync(DemoUsers.NorthwindSales);
        await Expect(MainNav.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true })).ToHaveCountAsync(0);
        await SignOutAsync();

        await SignInAsync(DemoUsers.NorthwindAdmin);
        await MainNav.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync(DemoUsers.NorthwindIntern);
        await ScreenshotAsync("users-admin");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await SignInAsync(DemoUsers.NorthwindSales);

        await SignOutAsync();

        await Expect(MainNav.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        await GoToAsync("/CustomerDevelopment");
        await Expect(Page).ToHaveURLAsync(new Regex("/Account/SignIn\\?ReturnUrl=%2FCustomerDevelopment$"));
        await ScreenshotAsync("signed-out");
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_message()
    {
        await GoToAsync("/Account/SignIn");
        await Page.GetByLabel("Email address", new() { Exact = true }).FillAsync(DemoUsers.FabrikamAdmin);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync("Wrong123!");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email address or password is incorrect.");
        await Expect(MainNav.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        await ScreenshotAsync("sign-in-wrong-password");
    }

    private static async Task<LocatorBoundingBoxResult> BoxOf(ILocator locator)
    {
        await Expect(locator).ToBeVisibleAsync();
        return await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("The element has no layout box.");
    }
}
