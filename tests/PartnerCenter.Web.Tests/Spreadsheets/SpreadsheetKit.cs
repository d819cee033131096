using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using PartnerCenter.Core.Imports;

namespace PartnerCenter.Web.Tests.Spreadsheets;

/// <summary>One row of an import's dry run or result page.</summary>
public sealed record ImportRowView(int Number, string Name, string Outcome, string Message);

public static class SpreadsheetKit
{
    public const string ImportUrl = "/CustomerDevelopment/Import";
    public const string Header = "Full name,Email address,Mobile number,Send invitation link";

    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    /// <summary>Uploads a file as the Import page's form does (multipart, with the antiforgery token).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this PartnerCenterClient client, byte[] content, string fileName = "leads.csv")
    {
        var token = await client.GetAntiforgeryTokenAsync(ImportUrl);
        using var form = new MultipartFormDataContent();
        using var tokenField = new StringContent(token);
        using var file = new ByteArrayContent(content);
        form.Add(tokenField, "__RequestVerificationToken");
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        return await client.Http.PostAsync(new Uri(ImportUrl, UriKind.Relative), form);
    }

    /// <summary>Uploads and follows to the dry run page; fails the test if the file was refused.</summary>
    public static async Task<(HtmlPage Page, Guid BatchId)> DryRunAsync(this PartnerCenterClient client, byte[] content, string fileName = "leads.csv")
    {
        using var response = await client.UploadAsync(content, fileName);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"The upload was refused: {await HtmlPage.ReadAsync(response)}");
        var location = response.Headers.Location!.ToString();
        var page = await client.GetPageAsync(location);
        return (page, Guid.Parse(location[(location.LastIndexOf('/') + 1)..]));
    }

    public static IReadOnlyList<ImportRowView> ImportRows(this HtmlPage page) =>
        page.Document.QuerySelectorAll("main table tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").ToList())
            .Where(cells => cells.Count == 6)
            .Select(cells => new ImportRowView(
                int.Parse(cells[0].TextContent.Trim(), CultureInfo.InvariantCulture),
                cells[1].TextContent.Trim(),
                cells[5].QuerySelector(".badge")!.TextContent.Trim(),
                Collapse(cells[5].QuerySelector("div")?.TextContent)))
            .ToList();

    public static Task<ImportBatch> BatchAsync(this TestApp app, Guid id) =>
        app.WithDbAsync(db => db.ImportBatches.AsNoTracking().Include(b => b.Rows).SingleAsync(b => b.Id == id));

    public static Task<int> OutboxCountAsync(this TestApp app) => app.WithDbAsync(db => db.OutboxMessages.CountAsync());

    private static string Collapse(string? text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
