using System.Text;
using System.Text.RegularExpressions;

namespace PartnerCenter.Browser.Tests;

/// <summary>
/// Customer Development &gt; Import in the browser: upload, dry run, Import with its confirmation, the result; both pages pass axe and vnu.
/// Export on Customers downloads the list as the page shows it.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SpreadsheetTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task A_partner_uploads_a_spreadsheet_sees_the_dry_run_imports_it_and_the_pages_pass_the_checkers()
    {
        await SignInAsync(DemoUsers.NorthwindSales);
        await GoToAsync("/CustomerDevelopment");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Import customers", Level = 1 })).ToBeVisibleAsync();
        await ScreenshotAsync("import-01-upload");

        var csv = "Full name,Email address,Mobile number,Send invitation link\r\n"
                  + "Ida Import,ida.import@sheet.example,+49 1512 3456701,No\r\n"
                  + "Olaf Overseas,olaf.overseas@sheet.example,+65 8123 4501,No\r\n"
                  + "Bad Number,bad.number@sheet.example,12345,No\r\n";
        await Page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "leads.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await Page.Button("Upload and check").ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dry run: leads.csv", Level = 1 })).ToBeVisibleAsync();
        var rows = Page.Locator("main table tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0)).ToContainTextAsync("Would be preregistered");
        await Expect(rows.Nth(1)).ToContainTextAsync("Would need manual review");
        await Expect(rows.Nth(2)).ToContainTextAsync("Invalid input");
        await ScreenshotAsync("import-02-dry-run");
        var dryRunUrl = Page.Url;
        Assert.Empty(await PageCheckers.AxeAsync(Page));

        string? asked = null;
        void Accept(object? sender, IDialog dialog)
        {
            asked = dialog.Message;
            _ = dialog.AcceptAsync();
        }

        Page.Dialog += Accept;
        await Page.Button("Import").ClickAsync();
        await Expect(Page.SuccessMessage()).ToContainTextAsync("The import is complete: all 3 rows have their outcome below.");
        Page.Dialog -= Accept;
        Assert.StartsWith("Import the file?", asked, StringComparison.Ordinal);

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Import result: leads.csv", Level = 1 })).ToBeVisibleAsync();
        await Expect(rows.Nth(0)).ToContainTextAsync("Preregistered");
        await Expect(rows.Nth(1)).ToContainTextAsync("Needs manual review, not submitted");
        await ScreenshotAsync("import-03-result");
        Assert.Empty(await PageCheckers.AxeAsync(Page));

        // The list has the imported customer; the HTML the server sent for both import pages is valid.
        var served = new List<string>();
        foreach (var (url, name) in new[] { (dryRunUrl, "import-result"), ("/CustomerDevelopment/Import", "import-upload") })
        {
            var response = await Page.APIRequest.GetAsync(url);
            var file = Path.Combine(TestOutput.Folder("vnu-spreadsheets"), $"{name}.html");
            await File.WriteAllTextAsync(file, await response.TextAsync());
            served.Add(file);
        }

        var errors = await PageCheckers.VnuAsync(served);
        Assert.All(errors, pair => Assert.True(pair.Value.Count == 0, $"{pair.Key}: {string.Join("; ", pair.Value)}"));

        await GoToAsync("/CustomerDevelopment");
        await Expect(Page.RowOf("I*** I***")).ToContainTextAsync("Preregistered");
        await Expect(Page).ToHaveURLAsync(new Regex("/CustomerDevelopment$"));
    }

    [Fact]
    public async Task An_admin_clicks_Export_on_Customers_and_gets_the_list_as_the_page_shows_it_masked()
    {
        await SignInAsync(DemoUsers.NorthwindAdmin);
        await GoToAsync("/Customers?sort=oldest");
        var export = Page.Link("Export");
        await Expect(export).ToHaveAttributeAsync("download", "");
        await ScreenshotAsync("customers-export-01-button");
        var shown = await Page.Locator("[data-testid='customers'] tbody tr td:nth-child(3)").AllTextContentsAsync();

        var download = await Page.RunAndWaitForDownloadAsync(() => export.ClickAsync());

        Assert.Matches(new Regex(@"^customers-\d{4}-\d{2}-\d{2}\.csv$"), download.SuggestedFilename);
        var path = Path.Combine(TestOutput.Folder("downloads"), download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var lines = (await File.ReadAllLinesAsync(path, Encoding.UTF8)).Where(l => l.Length > 0).ToList();
        Assert.Equal("Customer name,Email,Associated on (UTC),Account,Budget,Budget amount (USD),Used (USD)", lines[0]);
        Assert.NotEmpty(shown);
        Assert.Equal(shown.Select(s => s.Trim()), lines.Skip(1).Select(l => l.Split(',')[1]));
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^\S\*\*\*", l));
    }
}
