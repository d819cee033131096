namespace PartnerCenter.Web.Tests.Accounts;

/// <summary>Who may open what. Nothing here changes data, so the tests share one app.</summary>
public sealed class RolesAndPermissionTests(TestApp app) : AppTest<TestApp>(app)
{
    [Theory]
    [InlineData(DemoUsers.NorthwindSales)] // staff with the permission
    [InlineData(DemoUsers.NorthwindAdmin)] // the partner admin, without a grant
    public async Task Staff_with_the_permission_and_the_partner_admin_open_customer_development(string user)
    {
        var client = await SignInAsync(user);

        var page = await client.GetPageAsync("/CustomerDevelopment");

        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Customer Development", page.Heading);
        Assert.DoesNotContain("You don't have the Customer Development permission", page.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_without_the_permission_gets_403_with_the_ecosystem_managers_contact()
    {
        var client = await SignInAsync(DemoUsers.NorthwindIntern);

        var page = await client.GetPageAsync("/CustomerDevelopment");

        page.AssertStatus(HttpStatusCode.Forbidden);
        Assert.Equal("You don't have the Customer Development permission", page.Heading);
        Assert.Contains(DemoUsers.EcosystemManagerName, page.MainText, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector($"main a[href='mailto:{DemoUsers.EcosystemManager}']"));
        Assert.Contains(DemoUsers.EcosystemManagerPhone, page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("No customers yet.", page.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_cannot_open_the_users_page()
    {
        var client = await SignInAsync(DemoUsers.NorthwindSales);

        using var response = await client.GetAsync("/Users");
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location!.AbsolutePathOrOriginal());
        var page = await client.FollowAsync(response);

        page.AssertStatus(HttpStatusCode.Forbidden);
        Assert.Equal("Access denied", page.Heading);
        Assert.DoesNotContain(DemoUsers.NorthwindIntern, page.MainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoUsers.EcosystemManager)]
    [InlineData(DemoUsers.Customer)]
    public async Task Users_who_are_not_partner_users_cannot_open_partner_pages(string email)
    {
        var client = await SignInAsync(email);

        foreach (var path in new[] { "/CustomerDevelopment", "/PartnerInformation/AccountInformation", "/Users" })
        {
            var page = await client.GetPageAsync(path);
            page.AssertStatus(HttpStatusCode.Forbidden);
            Assert.Equal("Access denied", page.Heading);
        }
    }

    [Fact]
    public async Task Only_the_partner_admin_sees_the_users_menu()
    {
        var admin = await SignInAsync(DemoUsers.NorthwindAdmin);
        var staff = await SignInAsync(DemoUsers.NorthwindSales);

        var adminHome = await admin.GetPageAsync("/");
        var staffHome = await staff.GetPageAsync("/");

        Assert.NotNull(adminHome.Document.QuerySelector("nav a[href='/Users']"));
        Assert.Null(staffHome.Document.QuerySelector("nav a[href='/Users']"));
    }

    [Fact]
    public async Task Admin_sees_only_the_users_of_their_own_partner()
    {
        var client = await SignInAsync(DemoUsers.NorthwindAdmin);

        var page = await client.GetPageAsync("/Users");

        page.AssertStatus(HttpStatusCode.OK);
        var emails = page.Document.QuerySelectorAll("tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).Order().ToList();
        Assert.Equal([DemoUsers.NorthwindAdmin, DemoUsers.NorthwindIntern, DemoUsers.NorthwindSales], emails);
    }
}
