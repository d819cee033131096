using System.Data;
using System.Globalization;
using System.Text;
using PartnerCenter.Core.Customers;
using PartnerCenter.Infrastructure.Data;
using PartnerCenter.Web.Tests.Customers;
using PartnerCenter.Web.Tests.Preregistrations;

namespace PartnerCenter.Web.Tests.Spreadsheets;

/// <summary>
/// Export on Sales &gt; Customers: partner admins only, the list the page shows (search, filters, sort; every page), names and
/// emails masked even after a reveal, Used as the page shows it, audited, formula cells escaped, streamed.
/// </summary>
public sealed class CustomerExportTests(TestApp app) : AppTest<TestApp>(app)
{
    private const string ListUrl = "/Customers";
    private const string ExportUrl = "/Customers/Export";

    private const string Header = "Customer name,Email,Associated on (UTC),Account,Budget,Budget amount (USD),Used (USD)";

    /// <summary>
    /// Six of Contoso's customers named Exp{tag} …, each email starting with its own letter (so the masked emails tell them
    /// apart): 0 and 3 frozen; 0–2 with a Monthly budget of 100 USD and 50, 80, 90 used this month; last month's spend
    /// (which is not Used) on every one.
    /// </summary>
    private async Task<(string Tag, List<(string Name, string Email, DateTime At)> Customers)> ArrangeAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var now = App.Now;
        var customers = new List<(string, string, DateTime)>();
        for (var i = 0; i < 6; i++)
        {
            var (name, email, at) = ($"Exp{tag} Customer{i}", $"{(char)('a' + i)}.export@{tag}.example", now.AddHours(-i - 1));
            await App.AddCustomerAsync(Contoso, name, email, at, frozen: i % 3 == 0, monthlyBudget: i < 3 ? 100m : null,
                used: i switch { 0 => 50m, 1 => 80m, 2 => 90m, _ => 7m }, lastMonth: 500m);
            customers.Add((name, email, at));
        }

        return (tag, customers);
    }

    private static async Task<(string Text, List<string[]> Rows)> CsvAsync(HttpResponseMessage response)
    {
        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Header, lines[0]);
        return (text, lines.Skip(1).Select(line => line.Split(',')).ToList());
    }

    /// <summary>The customer rows of a page as it shows them: each row's cells.</summary>
    private static List<string[]> PageRows(HtmlPage page) =>
        page.Document.QuerySelectorAll("[data-testid='customers'] tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .Where(cells => cells.Length > 1).ToList();

    private static decimal Usd(string shown) => decimal.Parse(shown.Split(' ')[0], NumberStyles.Number, CultureInfo.InvariantCulture);

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_admin_exports_the_customers_masked_even_after_revealing_them_with_Used_as_the_page_shows_it_and_the_export_is_audited()
    {
        var (tag, customers) = await ArrangeAsync();
        var admin = await SignInAsync(DemoUsers.ContosoAdmin);
        var url = $"{ListUrl}?q=Exp{tag}&sort=oldest";

        // The admin reveals names and emails on the page: the export stays masked.
        var page = await admin.GetPageAsync(url);
        page = await admin.FollowAsync(await admin.ToggleAsync(page, MaskedColumn.Name, show: true));
        page = await admin.FollowAsync(await admin.ToggleAsync(page, MaskedColumn.Email, show: true));
        Assert.Contains(customers[0].Email, page.MainText, StringComparison.Ordinal);
        var link = page.Document.QuerySelector($"main a[href^='{ExportUrl}']")!;
        Assert.Equal("Export", link.TextContent.Trim());
        Assert.True(link.HasAttribute("download"));
        Assert.Equal($"{ExportUrl}?q=Exp{tag}&sort=oldest", link.GetAttribute("href"));
        var audits = await App.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "CustomersExported"));

        using var response = await admin.GetAsync(link.GetAttribute("href")!);
        var (text, rows) = await CsvAsync(response);

        // Oldest first, as the page sorted them; every column as the page shows it, masked.
        Assert.Equal(["E*** C***,f***@" + tag + ".example," + Iso(customers[5].At) + ",Not frozen,Not set,,7.00",
                      "E*** C***,e***@" + tag + ".example," + Iso(customers[4].At) + ",Not frozen,Not set,,7.00",
                      "E*** C***,d***@" + tag + ".example," + Iso(customers[3].At) + ",Frozen,Not set,,7.00",
                      "E*** C***,c***@" + tag + ".example," + Iso(customers[2].At) + ",Not frozen,Monthly,100.00,90.00",
                      "E*** C***,b***@" + tag + ".example," + Iso(customers[1].At) + ",Not frozen,Monthly,100.00,80.00",
                      "E*** C***,a***@" + tag + ".example," + Iso(customers[0].At) + ",Frozen,Monthly,100.00,50.00"],
            rows.Select(r => string.Join(',', r)));
        Assert.Equal(PageRows(page).Select(cells => Usd(cells[6])), rows.Select(r => decimal.Parse(r[6], CultureInfo.InvariantCulture)));
        foreach (var (name, email, _) in customers)
        {
            Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(email, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(tag + " ", text, StringComparison.Ordinal);
        var entries = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "CustomersExported").ToListAsync());
        Assert.Equal(audits + 1, entries.Count);
        var entry = entries.OrderBy(e => e.Id).Last();
        Assert.Equal((await App.UserIdAsync(DemoUsers.ContosoAdmin), await App.PartnerIdAsync(Contoso), nameof(CustomerAccount)),
            (entry.ActorUserId, entry.PartnerId, entry.EntityType));
        Assert.Contains("\"Search\":\"(set)\"", entry.After, StringComparison.Ordinal);
        Assert.Contains("AssociatedOldest", entry.After, StringComparison.Ordinal);
        Assert.DoesNotContain(tag, entry.After!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("&account=frozen")]
    [InlineData("&budget=set&sort=used-low")]
    [InlineData("&budget=not-set&account=not-frozen")]
    [InlineData("&budget=over80&sort=used-high")]
    [InlineData("&sort=used-high&page=2")]
    public async Task The_export_has_exactly_the_customers_the_page_shows_in_its_order(string filter)
    {
        var (tag, _) = await ArrangeAsync();
        var admin = await SignInAsync(DemoUsers.ContosoAdmin);
        var page = await admin.GetPageAsync($"{ListUrl}?q=Exp{tag}{filter}");
        var exportUrl = page.Document.QuerySelector($"main a[href^='{ExportUrl}']")!.GetAttribute("href")!;

        using var response = await admin.GetAsync(exportUrl);
        var (_, rows) = await CsvAsync(response);

        // Masked email, frozen state and Used, row by row (the page's one page holds them all).
        var shown = PageRows(page).Select(cells => (cells[2], cells[4], Usd(cells[6]))).ToList();
        Assert.NotEmpty(shown);
        Assert.Equal(shown, rows.Select(r => (r[1], r[3], decimal.Parse(r[6], CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task Over_80_percent_used_highest_first_exports_only_the_customers_over_it()
    {
        var (tag, _) = await ArrangeAsync();
        var admin = await SignInAsync(DemoUsers.ContosoAdmin);

        using var response = await admin.GetAsync($"{ExportUrl}?q=Exp{tag}&budget=over80&sort=used-high");
        var (_, rows) = await CsvAsync(response);

        Assert.Equal([$"c***@{tag}.example", $"b***@{tag}.example"], rows.Select(r => r[1]));
    }

    [Fact]
    public async Task Staff_see_no_export_on_Customers_and_cannot_download_one()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var page = await sales.GetPageAsync(ListUrl);
        page.AssertStatus(HttpStatusCode.OK);
        Assert.Null(page.Document.QuerySelector($"a[href^='{ExportUrl}']"));

        using var response = await sales.GetAsync(ExportUrl);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEntries.CountAsync(e =>
            e.Action == "CustomersExported" && e.PartnerId == db.Partners.Where(p => p.Name == Northwind).Select(p => p.Id).First())));
    }

    [Fact]
    public async Task Cells_that_start_like_a_formula_are_escaped()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await App.AddCustomerAsync(Contoso, $"=HYPERLINK{tag} Evil", $"+cmd@{tag}.example", App.Now.AddHours(-1));
        var admin = await SignInAsync(DemoUsers.ContosoAdmin);

        using var response = await admin.GetAsync($"{ExportUrl}?q=%3DHYPERLINK{tag}");
        var (text, rows) = await CsvAsync(response);

        Assert.Single(rows);
        Assert.StartsWith($"\"'=*** E***\",\"'+***@{tag}.example\",", text.Split("\r\n")[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?page=abc&sort=nonsense&account=maybe&budget=lots")]
    [InlineData("?page=-3&q=%40")]
    [InlineData("?q=%00%27%3B--")]
    public async Task Odd_query_strings_export_a_file_never_a_500(string query)
    {
        var admin = await SignInAsync(DemoUsers.ContosoAdmin);
        using var response = await admin.GetAsync(ExportUrl + query);
        await CsvAsync(response);
    }

    [Fact]
    public async Task The_download_is_written_as_it_is_produced_not_buffered()
    {
        await ArrangeAsync();
        var admin = await SignInAsync(DemoUsers.ContosoAdmin);

        using var response = await admin.Http.GetAsync(new Uri(ExportUrl, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);

        // A file built in memory first would be sent with its length; a stream has none, and is never cached.
        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal(Header, await reader.ReadLineAsync());
    }

    /// <summary>
    /// Both exports hand their rows over while the database reader is still open: when the first row is out, the rest are
    /// not read yet (a list loaded first would have closed the connection), and it closes once the last is read.
    /// </summary>
    [Fact]
    public async Task Both_exports_read_their_rows_from_the_database_only_as_they_are_written()
    {
        await ArrangeAsync();
        await App.AddPreregisteredAsync(Contoso, "streamed", 3);

        await AssertStreamedAsync((services, user, partner) => services.GetRequiredService<ExportCustomers>()
            .ExecuteAsync(user, partner, new CustomerListRequest(null, null, null, false, CustomerSort.AssociatedNewest, 1), CancellationToken.None));
        await AssertStreamedAsync((services, user, partner) => services.GetRequiredService<ExportPreregistrations>()
            .ExecuteAsync(user, partner, new ListRequest(null, null, false, 1), CancellationToken.None));
    }

    private async Task AssertStreamedAsync(Func<IServiceProvider, string, int, Task<ExportFile>> start)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetDbConnection();
        var file = await start(scope.ServiceProvider, await App.UserIdAsync(DemoUsers.ContosoAdmin), await App.PartnerIdAsync(Contoso));
        Assert.Equal(ConnectionState.Closed, connection.State);

        var count = 0;
        await using (var rows = file.Rows.GetAsyncEnumerator())
        {
            Assert.True(await rows.MoveNextAsync());
            Assert.Equal(ConnectionState.Open, connection.State);
            count++;
            while (await rows.MoveNextAsync())
            {
                count++;
            }
        }

        Assert.True(count > 1, $"{count} rows");
        Assert.Equal(ConnectionState.Closed, connection.State);
    }
}
