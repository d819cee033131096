using PartnerCenter.Web.Tests.Preregistrations;
using PartnerCenter.Core.Customers;

namespace PartnerCenter.Web.Tests.Customers;

/// <summary>Sales &gt; Customers: search, filters, sort and paging in the database (real SQLite), and its audited eye icons.</summary>
public sealed class CustomerListTests(TestApp app) : AppTest<TestApp>(app)
{
    private const string Url = "/Customers";

    /// <summary>
    /// Contoso's customers for this class: 25 (two pages of 20), some frozen, some budgeted, two over 80% this month.
    /// Last month's spend (more for the lower numbers) is not Used: it would turn the sort by used and "over 80%" around.
    /// </summary>
    private async Task<string> ArrangeAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var now = App.Now;
        for (var i = 0; i < 25; i++)
        {
            await App.AddCustomerAsync(Contoso, $"Listed{tag} Customer{i:D2}", $"listed{i}-{tag}@customers.example", now.AddHours(-i),
                frozen: i % 5 == 0, monthlyBudget: i < 10 ? 100m : null, used: i < 10 ? i * 10m : 0m, lastMonth: i < 10 ? 1000m - (i * 100m) : 0m);
        }

        return tag;
    }

    private static List<string> Names(HtmlPage page) =>
        Cells(page).Select(td => td[1]).ToList();

    private static List<string> Emails(HtmlPage page) =>
        Cells(page).Select(td => td[2]).ToList();

    /// <summary>The customer rows' cells (the "No customers match" row has one cell and is no customer).</summary>
    private static List<List<string>> Cells(HtmlPage page) =>
        page.Document.QuerySelectorAll("[data-testid='customers'] tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .Where(cells => cells.Count > 1).ToList();

    [Fact]
    public async Task Search_filters_sort_and_paging_are_answered_by_the_database()
    {
        var tag = await ArrangeAsync();
        var admin = await SignInAsync(DemoUsers.ContosoAdmin);

        // Exact email (any case), and nothing for a partial email.
        var byEmail = await admin.GetPageAsync($"{Url}?q=LISTED3-{tag}@customers.example");
        Assert.Equal([$"listed3-{tag}@customers.example"], await RevealedEmailsAsync(admin, byEmail));
        Assert.Empty(Names(await admin.GetPageAsync($"{Url}?q=listed3-{tag}@customers")));

        // Name prefix: 25 match, 20 on page 1, 5 on page 2, newest associated first.
        var first = await admin.GetPageAsync($"{Url}?q=Listed{tag}");
        Assert.Equal(20, Names(first).Count);
        Assert.Contains("Page 1 of 2 · 25 customers", first.MainText, StringComparison.Ordinal);
        var second = await admin.GetPageAsync($"{Url}?q=Listed{tag}&page=2");
        Assert.Equal(5, Names(second).Count);
        Assert.Empty(Names(await admin.GetPageAsync($"{Url}?q=Customer00")));

        var newest = await RevealedNamesAsync(admin, $"{Url}?q=Listed{tag}");
        Assert.Equal($"Listed{tag} Customer00", newest[0]);
        var oldest = await RevealedNamesAsync(admin, $"{Url}?q=Listed{tag}&sort=oldest");
        Assert.Equal($"Listed{tag} Customer24", oldest[0]);
        var mostUsed = await RevealedNamesAsync(admin, $"{Url}?q=Listed{tag}&sort=used-high");
        Assert.Equal([$"Listed{tag} Customer09", $"Listed{tag} Customer08"], mostUsed.Take(2));

        // Frozen: every fifth (0, 5, 10, 15, 20); not frozen: the other 20.
        Assert.Equal(5, Names(await admin.GetPageAsync($"{Url}?q=Listed{tag}&account=frozen")).Count);
        Assert.Contains("20 customers", (await admin.GetPageAsync($"{Url}?q=Listed{tag}&account=not-frozen")).MainText, StringComparison.Ordinal);

        // Budget set (0..9), not set (10..24), over 80% (used 80 and 90 of 100).
        Assert.Equal(10, Names(await admin.GetPageAsync($"{Url}?q=Listed{tag}&budget=set")).Count);
        Assert.Equal(15, Names(await admin.GetPageAsync($"{Url}?q=Listed{tag}&budget=not-set")).Count);
        var over = await RevealedNamesAsync(admin, $"{Url}?q=Listed{tag}&budget=over80&sort=used-high");
        Assert.Equal([$"Listed{tag} Customer09", $"Listed{tag} Customer08"], over);

        // Filters combine; the form keeps what was asked.
        var combined = await admin.GetPageAsync($"{Url}?q=Listed{tag}&account=frozen&budget=set");
        Assert.Equal(2, Names(combined).Count);
        Assert.Equal($"Listed{tag}", combined.InputValue("q"));

        // Another partner never sees them.
        var northwind = await SignInAsync(DemoUsers.NorthwindAdmin);
        Assert.Empty(Names(await northwind.GetPageAsync($"{Url}?q=Listed{tag}")));
        Assert.Empty(Names(await northwind.GetPageAsync($"{Url}?q=listed3-{tag}@customers.example")));
    }

    [Theory]
    [InlineData("?page=-3")]
    [InlineData("?page=99999")]
    [InlineData("?sort=nonsense&account=maybe&budget=lots")]
    [InlineData("?page=abc")]
    public async Task Odd_query_strings_show_a_page_never_a_500(string query)
    {
        var admin = await SignInAsync(DemoUsers.ContosoAdmin);
        (await admin.GetPageAsync(Url + query)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_eye_icons_on_Customers_reveal_names_and_emails_and_every_reveal_is_audited()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await App.AddCustomerAsync(Northwind, $"Rita Reveal{tag}", $"rita-{tag}@customers.example", App.Now);
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var url = $"{Url}?q=Rita";

        await App.AssertRevealAuditedAsync(sales, url, MaskedList.Customers, MaskedColumn.Email, $"rita-{tag}@customers.example", "r***@customers.example", DemoUsers.NorthwindSales);
        await App.AssertRevealAuditedAsync(sales, url, MaskedList.Customers, MaskedColumn.Name, $"Rita Reveal{tag}", "R*** R***", DemoUsers.NorthwindSales);
    }

    [Fact]
    public async Task The_eye_icons_on_Adjustment_records_reveal_the_customer_and_are_audited()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = await App.AddCustomerAsync(Northwind, $"Adam Adjust{tag}", $"adam-{tag}@customers.example", App.Now);
        var sales = await SignInAsync(DemoUsers.NorthwindSales);

        await App.AssertRevealAuditedAsync(sales, $"/Customers/Adjustments/{id}", MaskedList.AdjustmentRecords, MaskedColumn.Name, $"Adam Adjust{tag}", "A*** A***", DemoUsers.NorthwindSales);
        await App.AssertRevealAuditedAsync(sales, $"/Customers/Adjustments/{id}", MaskedList.AdjustmentRecords, MaskedColumn.Email, $"adam-{tag}@customers.example", "a***@customers.example", DemoUsers.NorthwindSales);
    }

    [Fact]
    public async Task A_reveal_on_Customers_does_not_reveal_the_Customer_Development_list()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await App.AddCustomerAsync(Northwind, $"Paula Page{tag}", $"paula-{tag}@customers.example", App.Now);
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var page = await sales.GetPageAsync(Url);
        using var shown = await sales.ToggleAsync(page, MaskedColumn.Email, show: true);
        Assert.Contains($"paula-{tag}@customers.example", (await sales.FollowAsync(shown)).Html(), StringComparison.Ordinal);

        var list = await sales.GetPageAsync("/CustomerDevelopment");
        Assert.DoesNotContain("anna.schmidt@prospects.example", list.Html(), StringComparison.Ordinal);
    }

    private static async Task<List<string>> RevealedNamesAsync(PartnerCenterClient client, string url)
    {
        var page = await client.GetPageAsync(url);
        if (page.Document.QuerySelector("button[aria-label='Hide names']") is null)
        {
            using var shown = await client.ToggleAsync(page, MaskedColumn.Name, show: true);
            page = await client.FollowAsync(shown);
        }

        return Names(page);
    }

    private static async Task<List<string>> RevealedEmailsAsync(PartnerCenterClient client, HtmlPage page)
    {
        if (page.Document.QuerySelector("button[aria-label='Hide emails']") is null)
        {
            using var shown = await client.ToggleAsync(page, MaskedColumn.Email, show: true);
            page = await client.FollowAsync(shown);
        }

        return Emails(page);
    }
}
