using PartnerCenter.Core.Customers;
using static PartnerCenter.Web.Tests.Reviews.ReviewKit;

namespace PartnerCenter.Web.Tests.Reviews;

/// <summary>The ecosystem manager's customer status lookup: every cause that applies, and who holds the customer.</summary>
public sealed class CustomerLookupTests(TestApp app) : AppTest<TestApp>(app)
{
    [Theory]
    [InlineData("mainland", "This customer is registered on the Chinese mainland website and cannot be preregistered.")]
    [InlineData("associated", "This customer is already associated with another partner.")]
    [InlineData("claimed", "This customer has been preregistered by another partner.")]
    [InlineData("consumer", "This customer is a consumer cloud user and cannot be preregistered.")]
    [InlineData("contract", "This customer has signed contracts with the platform.")]
    [InlineData("spender", "This customer has cash expenditure records and was not preregistered by the platform's direct sales team.")]
    [InlineData("member", "This customer is associated with an enterprise master in the unified accounting model.")]
    public async Task Each_demo_account_shows_its_refusal_cause(string local, string cause)
    {
        var em = await SignInAsync(DemoUsers.EcosystemManager);

        var result = await LookupAsync(em, $"{local}@customers.example");

        Assert.Contains("Cannot be preregistered now", result.Text, StringComparison.Ordinal);
        Assert.Equal([cause], result.Causes);
        Assert.DoesNotContain("Can be preregistered now", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_associated_customer_names_the_partner_it_is_associated_with()
    {
        var em = await SignInAsync(DemoUsers.EcosystemManager);

        var result = await LookupAsync(em, "associated@customers.example");

        Assert.Contains("Associated with Contoso Reseller", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Held by", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claimed_customer_names_the_partner_holding_it_and_until_when()
    {
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        var until = await App.WithDbAsync(db => db.Preregistrations.Where(p => p.CustomerEmail == "claimed@customers.example")
            .Select(p => p.ExpiresAt).SingleAsync());

        var result = await LookupAsync(em, "  Claimed@Customers.Example ");

        Assert.Contains($"Held by Contoso Reseller (Preregistered, until {Utc(until!.Value)})", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Associated with", result.Text, StringComparison.Ordinal);
        Assert.Equal("claimed@customers.example", result.Heading);
    }

    [Fact]
    public async Task A_customer_pending_review_is_held_by_the_partner_that_asked()
    {
        var em = await SignInAsync(DemoUsers.EcosystemManager);

        var result = await LookupAsync(em, "pedro.silva@prospects.example");

        Assert.Equal(["This customer has been preregistered by another partner."], result.Causes);
        Assert.Contains("Held by Northwind Cloud (Pending review)", result.Text, StringComparison.Ordinal);
        Assert.Contains("No platform account with this email", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fresh_email_can_be_preregistered_now()
    {
        var em = await SignInAsync(DemoUsers.EcosystemManager);

        var result = await LookupAsync(em, NewEmail("fresh"));

        Assert.Contains("Can be preregistered now", result.Text, StringComparison.Ordinal);
        Assert.Empty(result.Causes);
        Assert.DoesNotContain("Held by", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Associated with", result.Text, StringComparison.Ordinal);
        Assert.Contains("No platform account with this email", result.Text, StringComparison.Ordinal);
        // Without an account the customer's country is unknown: no country review is suggested.
        Assert.DoesNotContain("review", result.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("business countries", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("your", result.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_free_platform_account_can_be_preregistered_and_its_account_is_described()
    {
        var em = await SignInAsync(DemoUsers.EcosystemManager);

        var result = await LookupAsync(em, "directsales@customers.example");

        Assert.Contains("Can be preregistered now", result.Text, StringComparison.Ordinal);
        Assert.Contains("Needs a manual review whoever preregisters it: Preregistered by the platform's direct sales team.", result.Text, StringComparison.Ordinal);
        Assert.Contains("A partner whose business countries do not include DE needs a manual review too", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("your", result.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Platform account: Direct Sales Prospect, DE, registered", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_cause_that_applies_is_listed()
    {
        const string email = "everything@customers.example";
        await App.WithDbAsync(async db =>
        {
            var contoso = await db.Partners.Where(p => p.Name == "Contoso Reseller").Select(p => p.Id).SingleAsync();
            var account = new CustomerAccount
            {
                Email = email, Name = "Everything Wrong", CountryCode = "CN", RegisteredAt = DateTime.UtcNow.AddDays(-90),
                Website = RegistrationWebsite.ChineseMainland, IsConsumerCloudUser = true,
                HasSignedContract = true, HasCashExpenditure = true, EnterpriseMasterLink = EnterpriseMasterLink.UnifiedAccountingMember,
            };
            account.AssociateWith(contoso, DateTime.UnixEpoch, frozen: false);
            db.CustomerAccounts.Add(account);
            return await db.SaveChangesAsync();
        });
        var em = await SignInAsync(DemoUsers.EcosystemManager);

        var result = await LookupAsync(em, email);

        Assert.Equal(
            [
                "This customer is registered on the Chinese mainland website and cannot be preregistered.",
                "This customer is already associated with another partner.",
                "This customer is a consumer cloud user and cannot be preregistered.",
                "This customer has signed contracts with the platform.",
                "This customer has cash expenditure records and was not preregistered by the platform's direct sales team.",
                "This customer is associated with an enterprise master in the unified accounting model.",
            ],
            result.Causes);
        Assert.Contains("Associated with Contoso Reseller", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a b@customers.example")]
    public async Task A_malformed_email_is_refused_next_to_the_field(string email)
    {
        var em = await SignInAsync(DemoUsers.EcosystemManager);

        var page = await em.GetPageAsync($"/Ecosystem/Lookup?email={Uri.EscapeDataString(email)}");

        page.AssertStatus(HttpStatusCode.OK);
        Assert.Contains("Enter a valid email address, such as name@example.com.", page.MainText, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("[data-testid='lookup-result']"));
        Assert.Equal(email, page.InputValue("email"));
    }

    [Fact]
    public async Task The_empty_lookup_shows_just_the_form()
    {
        var em = await SignInAsync(DemoUsers.EcosystemManager);

        var page = await em.GetPageAsync("/Ecosystem/Lookup");

        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Customer status lookup", page.Heading);
        Assert.NotNull(page.Document.QuerySelector("main form[role='search'] input[name='email']"));
        Assert.Null(page.Document.QuerySelector("[data-testid='lookup-result']"));
    }

    [Fact]
    public async Task A_partner_is_never_told_which_other_partner_holds_a_customer()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);

        using var response = await sales.PostFormAsync("/CustomerDevelopment/Preregister",
            ("FullName", "Claimed Logistics"), ("Email", "claimed@customers.example"), ("Mobile", GermanMobile), ("SendInvitation", "false"));

        var page = await HtmlPage.ReadAsync(response);
        page.AssertStatus(HttpStatusCode.OK);
        Assert.Contains("This customer has been preregistered by another partner.", page.SummaryErrors);
        Assert.DoesNotContain("Contoso", page.MainText, StringComparison.Ordinal);
    }

    private static async Task<LookupView> LookupAsync(PartnerCenterClient em, string email)
    {
        var form = await em.GetPageAsync("/Ecosystem/Lookup");
        var action = form.Document.QuerySelector("main form[role='search']")!.GetAttribute("action");
        Assert.Equal("/Ecosystem/Lookup", action);
        var page = await em.GetPageAsync($"{action}?email={Uri.EscapeDataString(email)}");
        page.AssertStatus(HttpStatusCode.OK);
        var result = page.Document.QuerySelector("[data-testid='lookup-result']")
                     ?? throw new InvalidOperationException($"No lookup result for {email}: {page}");
        return new LookupView(
            result.QuerySelector("h2")!.TextContent.Trim(),
            Collapse(result.TextContent),
            result.QuerySelectorAll("ul li").Select(li => Collapse(li.TextContent)).ToList());
    }

    private sealed record LookupView(string Heading, string Text, IReadOnlyList<string> Causes);
}
