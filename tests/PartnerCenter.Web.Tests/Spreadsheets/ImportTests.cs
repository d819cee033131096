using System.Text;
using PartnerCenter.Core.Imports;
using PartnerCenter.Web.Tests.Preregistrations;
using static PartnerCenter.Web.Tests.Preregistrations.PreregistrationKit;
using static PartnerCenter.Web.Tests.Spreadsheets.SpreadsheetKit;

namespace PartnerCenter.Web.Tests.Spreadsheets;

/// <summary>Customer Development &gt; Import: the dry run decides every row by the single-submission rules and saves nothing; Import applies them.</summary>
public sealed class ImportTests(PreregistrationFactory app) : IClassFixture<PreregistrationFactory>
{
    [Fact]
    public async Task The_dry_run_shows_every_rows_outcome_by_the_rules_of_a_single_submission_and_saves_nothing()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var (records, outbox) = (await app.PreregistrationCountAsync(), await app.OutboxCountAsync());
        var file = Csv(
            Header,
            $"Dry Eligible,dry.eligible@prospects.example,{GermanMobile(1)},Yes",
            $"Abroad Dry,abroad.dry@prospects.example,{SingaporeMobile(2)},No",
            $"Anna Again,{Anna},{GermanMobile(3)},No",
            $"Bad Mobile,bad.mobile@prospects.example,12345,No",
            $"Dry Twice,DRY.ELIGIBLE@prospects.example,{GermanMobile(4)},No",
            $"Maybe Invite,maybe@prospects.example,{GermanMobile(5)},Maybe",
            $",no.name@prospects.example,{GermanMobile(6)},");

        var (page, _) = await sales.DryRunAsync(file);

        var rows = page.ImportRows();
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], rows.Select(r => r.Number));
        Assert.Equal(
            ["Would be preregistered", "Would need manual review", "Refused", "Invalid input", "Duplicate within the file", "Invalid input", "Invalid input"],
            rows.Select(r => r.Outcome));
        Assert.Equal("The invitation email would be sent.", rows[0].Message);
        Assert.Equal("Customer's country is outside your business countries.", rows[1].Message);
        Assert.Equal(PreregistrationErrors.AlreadyPreregisteredByYou.Message, rows[2].Message);
        Assert.StartsWith("Mobile number: Enter a valid mobile number", rows[3].Message, StringComparison.Ordinal);
        Assert.Equal("The same email address is on row 1; only that row is imported.", rows[4].Message);
        Assert.Equal("Send invitation link: Write Yes or No.", rows[5].Message);
        Assert.Equal("Full name: Enter the customer's full name.", rows[6].Message);

        // Personal data is masked on the page.
        Assert.Equal("D*** E***", rows[0].Name);
        Assert.DoesNotContain("dry.eligible@", page.MainText, StringComparison.Ordinal);

        // Nothing saved, nothing queued.
        Assert.Equal(records, await app.PreregistrationCountAsync());
        Assert.Equal(outbox, await app.OutboxCountAsync());
    }

    [Fact]
    public async Task Import_applies_the_rows_in_file_order_submits_reviews_only_when_ticked_and_offers_a_result_file()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var file = Csv(
            Header,
            $"Import First,import.first@prospects.example,{GermanMobile(11)},Yes",
            $"Abroad Unticked,abroad.unticked@prospects.example,{SingaporeMobile(12)},No",
            $"Import Second,import.second@prospects.example,{GermanMobile(13)},no",
            $"Import First Again,import.first@prospects.example,{GermanMobile(14)},No");
        var (dryRun, batchId) = await sales.DryRunAsync(file, "import-order.csv");
        var outbox = await app.OutboxCountAsync();

        // Not ticked: the row needing a review is not submitted.
        using (var imported = await sales.SubmitAsync(dryRun, dryRun.FormOfButton("Import")))
        {
            await imported.AssertStatusAsync(HttpStatusCode.Redirect);
            var result = await sales.FollowAsync(imported);
            Assert.Equal(["The import is complete: all 4 rows have their outcome below."], result.Alerts("success"));
            Assert.Equal(["Preregistered", "Needs manual review, not submitted", "Preregistered", "Duplicate within the file"],
                result.ImportRows().Select(r => r.Outcome));
            Assert.Equal("The invitation email is on its way.", result.ImportRows()[0].Message);
        }

        var first = Assert.Single(await app.RecordsAsync("import.first@prospects.example"));
        var second = Assert.Single(await app.RecordsAsync("import.second@prospects.example"));
        Assert.Equal(PreregistrationStatus.Preregistered, first.Status);
        Assert.Equal(PreregistrationStatus.Preregistered, second.Status);
        Assert.Empty(await app.RecordsAsync("abroad.unticked@prospects.example"));
        Assert.Equal(outbox + 1, await app.OutboxCountAsync());

        // Importing again is refused: the batch has started.
        using (var again = await sales.PostFormAsync($"/CustomerDevelopment/ImportApply/{batchId}"))
        {
            var page = await sales.FollowAsync(again);
            Assert.Equal([ImportErrors.AlreadyStarted.Message], page.Alerts("danger"));
        }

        Assert.Single(await app.RecordsAsync("import.first@prospects.example"));

        // The result file: the input as written plus outcome and message.
        using var download = await sales.GetAsync($"/CustomerDevelopment/ImportResultFile/{batchId}");
        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        Assert.Contains("import-order-result.csv", download.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var lines = (await download.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{Header},Outcome,Message", lines[0]);
        Assert.Equal($"Import First,import.first@prospects.example,\"'{GermanMobile(11)}\",Yes,Preregistered,The invitation email is on its way.", lines[1]);
        Assert.StartsWith("Import Second,import.second@prospects.example,", lines[3], StringComparison.Ordinal);
        Assert.EndsWith(",no,Preregistered,", lines[3], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public async Task Ticking_the_review_option_submits_the_rows_offered_a_review()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var (dryRun, _) = await sales.DryRunAsync(Csv(Header, $"Abroad Ticked,abroad.ticked@prospects.example,{SingaporeMobile(21)},No"));
        Assert.NotNull(dryRun.Document.QuerySelector("input#submitReviews"));

        using var imported = await sales.SubmitAsync(dryRun, dryRun.FormOfButton("Import"), ("submitReviews", "true"));
        var result = await sales.FollowAsync(imported);

        Assert.Equal("Submitted for manual review", Assert.Single(result.ImportRows()).Outcome);
        var record = Assert.Single(await app.RecordsAsync("abroad.ticked@prospects.example"));
        Assert.Equal(PreregistrationStatus.PendingReview, record.Status);
        Assert.Equal(ReviewTrigger.Country, record.ReviewTrigger);
    }

    [Fact]
    public async Task Semicolons_a_byte_order_mark_and_quoted_cells_are_read_like_the_template()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var content = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            "full name;Email address;Mobile number;Send invitation link\n\"Müller; Søren\";semi.colon@prospects.example;\"+49 1512 3456722\";YES\n")).ToArray();

        var (page, batchId) = await sales.DryRunAsync(content);

        Assert.Equal("Would be preregistered", Assert.Single(page.ImportRows()).Outcome);
        var row = Assert.Single((await app.BatchAsync(batchId)).Rows);
        Assert.Equal(("Müller; Søren", "+49 1512 3456722", true), (row.Name, row.Mobile, row.SendInvitation));
    }

    [Theory]
    [InlineData("not-csv", "The file is not a CSV file. Upload a .csv file with the header row of the template.")]
    [InlineData("columns", "The first row must be the header Full name,Email address,Mobile number,Send invitation link. Download the template and copy your rows into it.")]
    [InlineData("latin1", "The file is not UTF-8 text. Save it as \"CSV UTF-8\" and upload it again.")]
    [InlineData("too-big", "The file is larger than 1 MB. Split it into files of at most 1,000 customers.")]
    [InlineData("too-many", "The file has more than 1,000 customers. Split it into smaller files.")]
    [InlineData("header-only", "The file has a header row but no customers under it.")]
    [InlineData("empty", "Choose a CSV file to upload.")]
    public async Task A_file_that_cannot_be_imported_gets_a_message_by_the_field_and_nothing_else_happens(string kind, string message)
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var row = $"Some One,some.one@prospects.example,{GermanMobile(30)},No";
        var content = kind switch
        {
            "not-csv" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D],
            "columns" => Csv("Name,Email,Phone", row),
            "latin1" => Encoding.Latin1.GetBytes($"{Header}\nJürgen Groß,jg@prospects.example,{GermanMobile(31)},No\n"),
            "too-big" => Csv([Header, .. Enumerable.Repeat(row, 20_000)]),
            "too-many" => Csv([Header, .. Enumerable.Range(0, 1001).Select(i => $"Many {i},many{i}@prospects.example,{GermanMobile(i)},No")]),
            "header-only" => Csv(Header),
            _ => [],
        };
        var batches = await app.WithDbAsync(db => db.ImportBatches.CountAsync());

        using var response = await sales.UploadAsync(content);
        var page = await HtmlPage.ReadAsync(response);

        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(message, page.FieldError("file"));
        Assert.Equal(batches, await app.WithDbAsync(db => db.ImportBatches.CountAsync()));
    }

    [Fact]
    public async Task The_template_downloads_with_the_header_and_an_example_row_that_reads_back()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        using var template = await sales.GetAsync("/CustomerDevelopment/ImportTemplate");
        var bytes = await template.Content.ReadAsByteArrayAsync();
        Assert.StartsWith($"\uFEFF{Header}\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        var (page, _) = await sales.DryRunAsync(bytes);
        Assert.Equal("Would be preregistered", Assert.Single(page.ImportRows()).Outcome);
    }

    [Fact]
    public async Task Another_partners_import_is_not_found()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var (_, batchId) = await sales.DryRunAsync(Csv(Header, $"Private Lead,private.lead@prospects.example,{GermanMobile(40)},No"));
        using var tailspin = await app.SignedInClientAsync(DemoUsers.TailspinAdmin);

        Assert.Equal(HttpStatusCode.NotFound, await tailspin.StatusOfAsync($"/CustomerDevelopment/ImportResult/{batchId}"));
        Assert.Equal(HttpStatusCode.NotFound, await tailspin.StatusOfAsync($"/CustomerDevelopment/ImportResultFile/{batchId}"));
        using var apply = await tailspin.PostFormAsync($"/CustomerDevelopment/ImportApply/{batchId}");
        Assert.Equal(HttpStatusCode.NotFound, apply.StatusCode);
        Assert.Equal(ImportStatus.Planned, (await app.BatchAsync(batchId)).Status);
    }
}
