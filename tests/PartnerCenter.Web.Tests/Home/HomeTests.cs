namespace PartnerCenter.Web.Tests.Home;

public sealed class HomeTests(TestApp app) : AppTest<TestApp>(app)
{
    [Theory]
    [InlineData(DemoUsers.NorthwindSales, "Northwind Cloud")]
    [InlineData(DemoUsers.TailspinAdmin, "Tailspin Prepaid")]
    public async Task A_partner_user_sees_their_ecosystem_managers_contact(string email, string partner)
    {
        var client = await SignInAsync(email);

        var home = await client.GetPageAsync("/");

        home.AssertStatus(HttpStatusCode.OK);
        var card = home.Document.QuerySelector("aside[aria-labelledby='em-heading']");
        Assert.NotNull(card);
        Assert.Contains(DemoUsers.EcosystemManagerName, card.TextContent, StringComparison.Ordinal);
        Assert.Equal($"mailto:{DemoUsers.EcosystemManager}", card.QuerySelector("a")?.GetAttribute("href"));
        Assert.Contains(DemoUsers.EcosystemManagerPhone, card.TextContent, StringComparison.Ordinal);
        Assert.Contains(partner, home.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ecosystem_manager_sees_no_partner_contact_card()
    {
        var client = await SignInAsync(DemoUsers.EcosystemManager);

        var home = await client.GetPageAsync("/");

        home.AssertStatus(HttpStatusCode.OK);
        Assert.Equal($"Welcome, {DemoUsers.EcosystemManagerName}", home.Heading);
        Assert.Null(home.Document.QuerySelector("aside[aria-labelledby='em-heading']"));
        Assert.Null(home.Document.QuerySelector("nav a[href='/CustomerDevelopment']"));
    }

    [Fact]
    public async Task The_partner_menu_leads_to_customer_development_and_account_information()
    {
        var client = await SignInAsync(DemoUsers.NorthwindSales);

        var home = await client.GetPageAsync("/");

        var links = home.Document.QuerySelectorAll("nav .dropdown-item").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Contains(("Customer Development", "/CustomerDevelopment"), links);
        Assert.Contains(("Account Information", "/PartnerInformation/AccountInformation"), links);
    }
}
