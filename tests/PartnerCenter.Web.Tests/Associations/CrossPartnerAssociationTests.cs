using System.Globalization;
using PartnerCenter.Core.Customers;
using static PartnerCenter.Web.Tests.Associations.AssociationKit;

namespace PartnerCenter.Web.Tests.Associations;

/// <summary>Another partner's customers, budgets, records and tickets answer 404 and stay untouched.</summary>
public sealed class CrossPartnerAssociationTests(TestApp app) : AppTest<TestApp>(app)
{
    private const string NorthwindCustomer = "loyal@customers.example";
    private const string ContosoCustomer = "associated@customers.example";
    private const string NorthwindProspect = "anna.schmidt@prospects.example";

    [Theory]
    [InlineData("GET", "/Customers/Freeze/{0}")]
    [InlineData("GET", "/Customers/Adjustments/{0}")]
    [InlineData("POST", "/Customers/Freeze")]
    [InlineData("POST", "/Customers/Budget")]
    [InlineData("POST", "/Customers/SetBudget")]
    public async Task Contoso_acting_on_a_northwind_customer_gets_404_and_nothing_changes(string method, string url)
    {
        var contoso = await SignInAsync(DemoUsers.ContosoAdmin);
        var id = (await AccountAsync(NorthwindCustomer)).Id.ToString(CultureInfo.InvariantCulture);
        var before = await SnapshotAsync(NorthwindCustomer);

        using var response = method == "GET"
            ? await contoso.GetAsync(string.Format(CultureInfo.InvariantCulture, url, id))
            : await contoso.PostFormAsync(url, ("Id", id), ("ids", id), ("Ids", id), ("Reason", "Not yours"),
                ("Type", "Monthly"), ("Amount", "1000"), ("OnExhaustion", "Automatically"), ("UnfreezeNow", "true"));

        await response.AssertStatusAsync(HttpStatusCode.NotFound);
        var page = await HtmlPage.ReadAsync(response);
        Assert.Equal("Not found", page.Heading);
        Assert.DoesNotContain("Loyal", page.MainText, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await SnapshotAsync(NorthwindCustomer));
    }

    [Fact]
    public async Task A_batch_budget_mixing_contosos_own_customer_with_a_northwind_one_changes_only_contosos()
    {
        var contoso = await SignInAsync(DemoUsers.ContosoAdmin);
        var northwind = (await AccountAsync(NorthwindCustomer)).Id.ToString(CultureInfo.InvariantCulture);
        var own = (await AccountAsync(ContosoCustomer)).Id.ToString(CultureInfo.InvariantCulture);
        var before = await SnapshotAsync(NorthwindCustomer);

        using var response = await contoso.PostFormAsync("/Customers/SetBudget", ("Ids", own), ("Ids", northwind),
            ("Type", "OneTime"), ("Amount", "75"), ("UnfreezeNow", "true"));

        Assert.Equal(before, await SnapshotAsync(NorthwindCustomer));
        Assert.Equal(75m, (await AccountAsync(ContosoCustomer)).BudgetAmount);
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.NotFound });
    }

    [Theory]
    [InlineData("/Customers/Freeze/2147483647")]
    [InlineData("/Customers/Adjustments/2147483647")]
    public async Task An_unknown_customer_id_gets_404(string url)
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);

        Assert.Equal(HttpStatusCode.NotFound, await sales.StatusOfAsync(url));
    }

    [Fact]
    public async Task Contosos_lists_show_none_of_northwinds_customers_or_history()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        using var invited = await InvitedCustomerAsync(App, sales, "Hanna History");
        using (var associated = await AssociateAsync(invited.Client, invited.Token))
        {
            await associated.AssertStatusAsync(HttpStatusCode.OK);
        }

        var contoso = await SignInAsync(DemoUsers.ContosoAdmin);
        var customers = await contoso.GetPageAsync("/Customers");
        customers.AssertStatus(HttpStatusCode.OK);
        var ids = customers.Document.QuerySelectorAll("input[name='ids']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal([(await AccountAsync(ContosoCustomer)).Id.ToString(CultureInfo.InvariantCulture)], ids);
        var history = await contoso.GetPageAsync("/CustomerDevelopment/History");
        history.AssertStatus(HttpStatusCode.OK);
        Assert.Empty(history.Document.QuerySelectorAll("main tbody tr"));
        Assert.DoesNotContain("H*** H***", history.MainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST without fields")]
    [InlineData("POST")]
    public async Task Contoso_requesting_background_association_for_a_northwind_record_gets_404_and_no_ticket(string how)
    {
        var contoso = await SignInAsync(DemoUsers.ContosoAdmin);
        var id = await PreregistrationIdAsync(App, NorthwindProspect);
        var url = $"/CustomerDevelopment/BackgroundAssociation/{id}";

        using var response = how switch
        {
            "GET" => await contoso.GetAsync(url),
            "POST without fields" => await contoso.PostFormAsync(url),
            _ => await contoso.PostFormAsync(url, ("Reason", "Take it over"), ("Contact", "Chen Admin")),
        };

        await response.AssertStatusAsync(HttpStatusCode.NotFound);
        Assert.False(await App.WithDbAsync(db => db.BackgroundAssociationTickets.AnyAsync(t => t.PreregistrationId == id)));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Background_association_for_an_unknown_record_gets_404(string how)
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var url = $"/CustomerDevelopment/BackgroundAssociation/{Guid.NewGuid()}";

        using var response = how == "GET"
            ? await sales.GetAsync(url)
            : await sales.PostFormAsync(url, ("Reason", "Please"), ("Contact", "Sam Sales"));

        await response.AssertStatusAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/Customers")]
    [InlineData("/CustomerDevelopment/History")]
    public async Task A_customer_cannot_open_the_partners_pages(string url)
    {
        var customer = await SignInAsync(DemoUsers.Customer);

        var page = await customer.GetPageAsync(url);

        page.AssertStatus(HttpStatusCode.Forbidden);
        Assert.Equal("Access denied", page.Heading);
    }

    [Fact]
    public async Task My_partner_is_for_customers_only()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var anonymous = NewClient();

        (await sales.GetPageAsync("/MyPartner")).AssertStatus(HttpStatusCode.Forbidden);
        using var response = await anonymous.GetAsync("/MyPartner");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/SignIn", response.Headers.Location!.AbsolutePathOrOriginal());
    }

    private Task<CustomerAccount> AccountAsync(string email) =>
        App.WithDbAsync(db => db.CustomerAccounts.AsNoTracking().SingleAsync(a => a.Email == email));

    private Task<(bool Frozen, BudgetType Type, decimal Amount, int Version, int Adjustments)> SnapshotAsync(string email) =>
        App.WithDbAsync(async db =>
        {
            var account = await db.CustomerAccounts.AsNoTracking().SingleAsync(a => a.Email == email);
            return (account.IsFrozen, account.BudgetType, account.BudgetAmount, account.Version,
                await db.BudgetAdjustments.CountAsync(b => b.CustomerAccountId == account.Id));
        });
}
