using static PartnerCenter.Web.Tests.Preregistrations.PreregistrationKit;

namespace PartnerCenter.Web.Tests.Preregistrations;

/// <summary>
/// The working list: filter by status, search by exact email or name prefix, sort, paging (20 a page).
/// Northwind's list holds its seeded rows (Deleted hidden), one Associated row and 45 "Bulk Customer" rows.
/// </summary>
public sealed class PreregistrationListTests(PreregistrationFactory app) : AppTest<PreregistrationFactory>(app)
{
    private const int BulkRows = 45;

    // Anna, Jonas, Lena (Expired), Pedro (Pending review), Ana (Rejected), Loyal (Not preregistered); Max is Deleted.
    private const int SeededVisible = 6;
    private const int VisibleRows = SeededVisible + 1 + BulkRows;

    [Theory]
    [InlineData("PendingReview", "Pending review", "pedro.silva@prospects.example")]
    [InlineData("Rejected", "Rejected", "ana.costa@prospects.example")]
    [InlineData("Expired", "Expired", "lena.fischer@prospects.example")]
    [InlineData("Associated", "Associated", "associated.row@prospects.example")]
    [InlineData("NotPreregistered", "Not preregistered", "loyal@customers.example")]
    public async Task Filtering_by_status_lists_only_that_status(string status, string label, string email)
    {
        using var sales = await RevealingClientAsync();

        var page = await sales.GetPageAsync($"{ListUrl}?status={status}");

        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal([email], page.Rows().Select(r => r.Email));
        Assert.All(page.Rows(), r => Assert.Equal(label, r.Status));
        Assert.Equal(status, page.Document.QuerySelector("select#status option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Filtering_by_preregistered_pages_through_every_valid_claim()
    {
        using var sales = await RevealingClientAsync();

        var first = await sales.GetPageAsync($"{ListUrl}?status=Preregistered");
        var third = await sales.GetPageAsync($"{ListUrl}?status=Preregistered&page=3");

        // Anna, Jonas and the bulk rows: 47, so 20 + 20 + 7.
        Assert.Contains("Page 1 of 3 · 47 records", first.MainText, StringComparison.Ordinal);
        Assert.Equal(20, first.Rows().Count);
        Assert.Equal(7, third.Rows().Count);
        Assert.All(first.Rows().Concat(third.Rows()), r => Assert.Equal("Preregistered", r.Status));
    }

    [Theory]
    [InlineData("jonas.weber@prospects.example")]
    [InlineData("  Jonas.Weber@Prospects.EXAMPLE ")]
    public async Task Searching_an_email_finds_exactly_that_customer(string q)
    {
        using var sales = await RevealingClientAsync();

        var page = await sales.GetPageAsync($"{ListUrl}?q={Uri.EscapeDataString(q)}");

        var row = Assert.Single(page.Rows());
        Assert.Equal(("Jonas Weber", "jonas.weber@prospects.example"), (row.Name, row.Email));
    }

    [Fact]
    public async Task An_email_search_is_exact_not_a_prefix()
    {
        using var sales = await RevealingClientAsync();

        var page = await sales.GetPageAsync($"{ListUrl}?q={Uri.EscapeDataString("jonas.weber@prospects")}");

        Assert.Empty(page.Rows());
        Assert.Contains("No customers match.", page.MainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Lena", "Lena Fischer")]
    [InlineData("Bulk Customer 0", "Bulk Customer 01|Bulk Customer 02|Bulk Customer 03|Bulk Customer 04|Bulk Customer 05|Bulk Customer 06|Bulk Customer 07|Bulk Customer 08|Bulk Customer 09")]
    [InlineData("Weber", "")]
    public async Task Searching_a_name_matches_names_that_start_with_it(string q, string expected)
    {
        var names = expected.Split('|', StringSplitOptions.RemoveEmptyEntries);
        using var sales = await RevealingClientAsync();

        var page = await sales.GetPageAsync($"{ListUrl}?q={Uri.EscapeDataString(q)}");

        Assert.Equal(names, page.Rows().Select(r => r.Name));
    }

    [Fact]
    public async Task Sorting_oldest_first_starts_with_the_oldest_and_newest_first_is_the_default()
    {
        using var sales = await RevealingClientAsync();

        var oldest = await sales.GetPageAsync($"{ListUrl}?sort=oldest");
        var newest = await sales.GetPageAsync(ListUrl);

        // By the preregistered date: records that never were Preregistered (the historical Loyal Customer AG,
        // Pending review, rejected at review) have none and come after every dated record.
        Assert.Equal(["Associated Row", "Lena Fischer", "Jonas Weber", "Anna Schmidt", "Bulk Customer 45"],
            oldest.Rows().Take(5).Select(r => r.Name));
        Assert.DoesNotContain(oldest.Rows(), r => r.Name is "Loyal Customer AG" or "Pedro Silva");
        Assert.Equal(["Bulk Customer 01", "Bulk Customer 02", "Bulk Customer 03"], newest.Rows().Take(3).Select(r => r.Name));
    }

    [Fact]
    public async Task Paging_shows_20_rows_a_page_and_the_last_page_holds_the_rest()
    {
        using var sales = await RevealingClientAsync();

        var first = await sales.GetPageAsync(ListUrl);
        var second = await sales.GetPageAsync($"{ListUrl}?page=2");
        var third = await sales.GetPageAsync($"{ListUrl}?page=3");
        var beyond = await sales.GetPageAsync($"{ListUrl}?page=99");

        Assert.Contains($"Page 1 of 3 · {VisibleRows} records", first.MainText, StringComparison.Ordinal);
        Assert.Contains($"Page 3 of 3 · {VisibleRows} records", third.MainText, StringComparison.Ordinal);
        Assert.Equal([20, 20, VisibleRows - 40], new[] { first, second, third }.Select(p => p.Rows().Count));
        var all = new[] { first, second, third }.SelectMany(p => p.Rows()).Select(r => r.Email).ToList();
        Assert.Equal(VisibleRows, all.Distinct().Count());
        Assert.DoesNotContain("max.bauer@prospects.example", all);
        Assert.Equal(third.Rows().Select(r => r.Email), beyond.Rows().Select(r => r.Email));

        var next = second.Document.QuerySelectorAll("nav[aria-label='Pages'] a.page-link").Single(a => a.TextContent.Trim() == "Next");
        Assert.Equal($"{ListUrl}?page=3", next.GetAttribute("href"));
        var lastNext = third.Document.QuerySelectorAll("nav[aria-label='Pages'] li").Single(li => li.TextContent.Trim() == "Next");
        Assert.Contains("disabled", lastNext.ClassList);
        // The usage line counts open records across all pages, not the page shown.
        Assert.Equal(UsageLine(3 + BulkRows), third.Usage());
    }

    [Fact]
    public async Task Paging_keeps_the_filter_search_and_sort()
    {
        using var sales = await RevealingClientAsync();

        var first = await sales.GetPageAsync($"{ListUrl}?status=Preregistered&q=Bulk&sort=oldest");

        var next = first.Document.QuerySelectorAll("nav[aria-label='Pages'] a.page-link").Single(a => a.TextContent.Trim() == "Next");
        var second = await sales.GetPageAsync(next.GetAttribute("href")!);
        Assert.Equal(["Bulk Customer 45", "Bulk Customer 44"], first.Rows().Take(2).Select(r => r.Name));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"Bulk Customer {25 - i:00}"), second.Rows().Select(r => r.Name));
        Assert.Contains("Page 2 of 3 · 45 records", second.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_has_both_tabs_and_a_collapsible_flowchart_in_text()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);

        var list = await sales.GetPageAsync(ListUrl);
        var history = await sales.GetPageAsync("/CustomerDevelopment/History");

        var flowchart = list.Document.QuerySelector("main details.flowchart");
        Assert.NotNull(flowchart);
        Assert.Equal("Process Flowchart", flowchart.QuerySelector("summary")?.TextContent.Trim());
        Assert.Equal(["Preregister", "Manual review", "Invite", "Customer registers and associates", "Set budget and unfreeze"],
            flowchart.QuerySelectorAll("li strong").Select(s => s.TextContent.Trim()));
        Assert.Null(flowchart.QuerySelector("img"));
        Assert.Equal("From Partner Center", list.Document.QuerySelector("main .nav-tabs a[aria-current='page']")?.TextContent.Trim());
        history.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("History Records", history.Document.QuerySelector("main .nav-tabs a[aria-current='page']")?.TextContent.Trim());
    }

    /// <summary>Signs in as Northwind staff with names and emails revealed, after making sure the bulk rows exist.</summary>
    private async Task<PartnerCenterClient> RevealingClientAsync()
    {
        await EnsureRowsAsync();
        var client = await App.SignedInClientAsync(DemoUsers.NorthwindSales);
        var list = await client.GetPageAsync(ListUrl);
        using (var names = await client.ToggleColumnAsync(list, MaskedColumn.Name, show: true))
        {
            await names.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        using (var emails = await client.ToggleColumnAsync(list, MaskedColumn.Email, show: true))
        {
            await emails.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        return client;
    }

    /// <summary>Adds the rows once per factory (tests of a class run one at a time).</summary>
    private async Task EnsureRowsAsync()
    {
        if (await App.WithDbAsync(db => db.Preregistrations.AnyAsync(p => p.CustomerName.StartsWith("Bulk Customer"))))
        {
            return;
        }

        var partnerId = await App.PartnerIdAsync(Northwind);
        var now = App.Now;
        var associated = Preregister.NewRecord(partnerId, "Associated Row", "associated.row@prospects.example", GermanMobile(99), now.AddDays(-30));
        Assert.True(associated.MarkAssociated(new Core.Partners.Partner { Id = partnerId, Name = "" }, now.AddDays(-29)).IsSuccess);
        // Bulk Customer 01 is the newest (a minute ago), 45 the oldest, all newer than the seeded rows.
        var bulk = Enumerable.Range(1, BulkRows)
            .Select(i => Preregister.NewRecord(partnerId, $"Bulk Customer {i:00}", $"bulk{i:00}@prospects.example", GermanMobile(i), now.AddMinutes(-i)));
        await App.AddAsync([associated, .. bulk]);
    }
}
