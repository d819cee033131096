using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PartnerCenter.Testing;

/// <summary>A response parsed as HTML, with the lookups tests make the way a reader would.</summary>
public sealed partial class HtmlPage
{
    private static readonly HtmlParser Parser = new();

    private HtmlPage(HttpStatusCode status, Uri url, IHtmlDocument document)
    {
        Status = status;
        Url = url;
        Document = document;
    }

    public HttpStatusCode Status { get; }

    /// <summary>The address the page was served from (after any redirects followed).</summary>
    public Uri Url { get; }

    public IHtmlDocument Document { get; }

    /// <summary>The visible text of the main region, whitespace collapsed.</summary>
    public string MainText => Collapse((Document.QuerySelector("main") ?? Document.Body)?.TextContent);

    public string? Heading => Document.QuerySelector("main h1")?.TextContent.Trim();

    /// <summary>The form-level errors (validation summary), empty when there are none.</summary>
    public IReadOnlyList<string> SummaryErrors =>
        Document.QuerySelectorAll(".validation-summary-errors li").Select(li => Collapse(li.TextContent)).Where(t => t.Length > 0).ToList();

    /// <summary>The message shown next to a field, or null.</summary>
    public string? FieldError(string field)
    {
        var text = Collapse(Document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent);
        return text.Length == 0 ? null : text;
    }

    public string? InputValue(string name) =>
        (Document.QuerySelector($"input[name='{name}']") as IHtmlInputElement)?.Value;

    public IReadOnlyList<string> Alerts(string kind) =>
        Document.QuerySelectorAll($".alert-{kind}").Select(a => Collapse(a.TextContent)).ToList();

    public string? AntiforgeryToken =>
        (Document.QuerySelector("input[name='__RequestVerificationToken']") as IHtmlInputElement)?.Value;

    /// <summary>The form that holds the button with this accessible name (aria-label or text).</summary>
    public IHtmlFormElement FormOfButton(string name) =>
        Document.QuerySelectorAll("button")
            .FirstOrDefault(b => (b.GetAttribute("aria-label") ?? b.TextContent).Trim() == name)
            ?.Closest("form") as IHtmlFormElement
        ?? throw new InvalidOperationException($"No form with a button named '{name}' on {Url}.\n{MainText}");

    public static async Task<HtmlPage> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var url = response.RequestMessage?.RequestUri ?? new Uri("http://localhost/");
        return new HtmlPage(response.StatusCode, url, await Parser.ParseDocumentAsync(html));
    }

    /// <summary>Asserts the status code, failing with what the page says (the exception, in Development).</summary>
    public HtmlPage AssertStatus(HttpStatusCode expected)
    {
        if (Status != expected)
        {
            Assert.Fail($"Expected {(int)expected} {expected}, got {this}");
        }

        return this;
    }

    public override string ToString()
    {
        var text = MainText;
        return $"{(int)Status} {Status} at {Url}: {(text.Length > 1500 ? text[..1500] + "..." : text)}";
    }

    private static string Collapse(string? text) => Whitespace().Replace(text ?? "", " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
