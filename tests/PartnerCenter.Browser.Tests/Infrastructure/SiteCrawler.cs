using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PartnerCenter.Browser.Tests.Infrastructure;

/// <summary>
/// A page that opens only through a button that changes nothing (a confirmation dialog, say):
/// on <paramref name="Path"/>, click the first element matching <paramref name="Selector"/>.
/// </summary>
public sealed record DialogStep(string Path, string Selector);

/// <summary>
/// Visits every same-origin page a user reaches from <c>start</c> pages by following links
/// (<c>a[href]</c>, GET only), one page per path-and-query shape (ids, tokens and query values
/// ignored) up to a cap, plus the given dialogs; runs axe-core on each page and the Nu HTML checker
/// over the HTML the server sent for each (one Java run). A new page is checked as soon as a link
/// leads to it. Sign-out is a form, never a link; downloads, data: and mailto: links, other hosts
/// and the static files are not followed.
/// </summary>
public sealed partial class SiteCrawler(IPage page, string baseUrl, string role)
{
    /// <summary>More than the app has pages for any one user; a crawl that reaches it fails (a link loop, say).</summary>
    public const int PageCap = 80;

    private readonly Uri origin = new(baseUrl);
    private readonly Queue<(Uri Url, string From)> queue = new();
    private readonly HashSet<string> shapes = new(StringComparer.Ordinal);
    private readonly List<string> axeFailures = [];
    private readonly List<string> brokenLinks = [];
    private readonly Dictionary<string, string> htmlFiles = new(StringComparer.Ordinal);
    private readonly string htmlFolder = ResetFolder(Path.Combine(TestOutput.Folder("html"), role));

    /// <summary>The pages checked, in order, with the HTTP status each answered.</summary>
    public List<string> Visited { get; } = [];

    /// <summary>How many crawled pages get a screenshot (<c>checkers-ROLE-N.png</c>).</summary>
    public int Screenshots { get; init; } = 4;

    /// <summary>
    /// Set for a crawl in another language: the texts a person reads as labels, buttons, headings, table headers,
    /// legends, options and links, each visible one checked by this (returns what is still English, or null).
    /// </summary>
    public Func<string, string?>? StillEnglish { get; init; }

    private readonly List<string> englishTexts = [];

    public async Task CrawlAsync(IEnumerable<string> start, IEnumerable<DialogStep> dialogs)
    {
        // Start pages are all checked, even several of one shape (a lookup with a result, say).
        foreach (var path in start)
        {
            var url = new Uri(origin, path);
            shapes.Add(Shape(url));
            queue.Enqueue((url, "start"));
        }

        while (queue.Count > 0)
        {
            if (Visited.Count >= PageCap)
            {
                Assert.Fail($"{role}: more than {PageCap} page shapes; a link loop? Visited:{Environment.NewLine}{string.Join(Environment.NewLine, Visited)}");
            }

            var (url, from) = queue.Dequeue();
            var response = await page.GotoAsync(url.ToString());
            if (response is { Ok: false })
            {
                brokenLinks.Add($"{response.Status} {url.PathAndQuery}, linked from {from}");
            }

            await CheckCurrentPageAsync(response, url.PathAndQuery);
        }

        foreach (var dialog in dialogs)
        {
            await page.GotoAsync(dialog.Path);
            var opener = page.Locator(dialog.Selector).First;
            if (await opener.CountAsync() == 0)
            {
                Assert.Fail($"{role}: nothing matches {dialog.Selector} on {dialog.Path}; the dialog it opens would go unchecked.");
            }

            var response = await page.RunAndWaitForResponseAsync(
                () => opener.ClickAsync(),
                r => r.Request.IsNavigationRequest && r.Frame == page.MainFrame && r.Status is < 300 or >= 400);
            await page.WaitForLoadStateAsync(LoadState.Load);
            await CheckCurrentPageAsync(response, $"{dialog.Path} -> {dialog.Selector} ({new Uri(page.Url).PathAndQuery})");
        }
    }

    /// <summary>Runs vnu over every page's served HTML; fails listing every axe and vnu finding, by page.</summary>
    public async Task AssertNoFindingsAsync()
    {
        var vnu = await PageCheckers.VnuAsync(htmlFiles.Keys);
        var report = new StringBuilder();
        if (brokenLinks.Count > 0)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"Links to pages that answer with an error ({brokenLinks.Count}):");
            brokenLinks.ForEach(f => report.AppendLine("  " + f));
        }

        if (englishTexts.Count > 0)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"Still English ({englishTexts.Count}):");
            englishTexts.ForEach(f => report.AppendLine("  " + f));
        }

        if (axeFailures.Count > 0)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"axe-core, serious or critical ({axeFailures.Count}):");
            axeFailures.ForEach(f => report.AppendLine("  " + f));
        }

        var invalid = vnu.Where(kv => kv.Value.Count > 0).ToList();
        if (invalid.Count > 0)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"Nu HTML checker, errors on {invalid.Count} pages:");
            foreach (var (file, errors) in invalid)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  {htmlFiles[file]} ({Path.GetFileName(file)}):");
                errors.ForEach(e => report.AppendLine("    " + e));
            }
        }

        if (report.Length > 0)
        {
            Assert.Fail($"{role}: {Visited.Count} pages checked.{Environment.NewLine}{report}");
        }
    }

    private async Task CheckCurrentPageAsync(IResponse? response, string label)
    {
        Assert.True(response is not null, $"{role}: {label} gave no response.");
        var contentType = await response.HeaderValueAsync("content-type") ?? "";
        Assert.True(contentType.StartsWith("text/html", StringComparison.Ordinal), $"{role}: {label} answered {contentType}, not a page.");
        Visited.Add($"{response.Status} {label}");
        var number = Visited.Count;

        var file = Path.Combine(htmlFolder, $"{number:000}-{Slug(new Uri(page.Url).AbsolutePath)}.html");
        await File.WriteAllTextAsync(file, await response.TextAsync());
        htmlFiles[Path.GetFullPath(file)] = label;

        foreach (var violation in await PageCheckers.AxeAsync(page))
        {
            axeFailures.Add($"{label}: {violation}");
        }

        if (StillEnglish is { } stillEnglish)
        {
            var texts = await page.EvalOnSelectorAllAsync<string[]>(
                "label, button, h1, h2, h3, h4, h5, h6, th, legend, option, a, summary, caption, [role=button]",
                """
                els => els.filter(e => e.tagName === 'OPTION' || e.getClientRects().length > 0)
                          .map(e => e.tagName.toLowerCase() + ': ' + (e.innerText || e.textContent || '').replace(/\s+/g, ' ').trim())
                """);
            foreach (var text in texts.Distinct(StringComparer.Ordinal))
            {
                if (stillEnglish(text[(text.IndexOf(": ", StringComparison.Ordinal) + 2)..]) is { } english)
                {
                    englishTexts.Add($"{label}: {text[..text.IndexOf(':', StringComparison.Ordinal)]} \"{english}\"");
                }
            }
        }

        if (number <= Screenshots)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(TestOutput.Folder("screenshots"), $"checkers-{role}-{number}-{Slug(new Uri(page.Url).AbsolutePath)}.png"),
                FullPage = true,
            });
        }

        var hrefs = await page.EvalOnSelectorAllAsync<string[]>(
            "a[href]:not([download])", "links => links.map(a => a.href)");
        foreach (var href in hrefs)
        {
            if (Uri.TryCreate(href, UriKind.Absolute, out var target))
            {
                Enqueue(target, label);
            }
        }
    }

    private void Enqueue(Uri url, string from)
    {
        if (url.Scheme != origin.Scheme || url.Authority != origin.Authority || Skipped(url.AbsolutePath))
        {
            return;
        }

        var withoutFragment = new UriBuilder(url) { Fragment = "" }.Uri;
        if (shapes.Add(Shape(withoutFragment)))
        {
            queue.Enqueue((withoutFragment, from));
        }
    }

    /// <summary>
    /// Static files and anything that is not a page; sign-out is a form, but never follow it either. The
    /// API reference (/scalar) is Scalar's own generated page, not the portal's markup.
    /// </summary>
    private static bool Skipped(string path) =>
        path.StartsWith("/lib/", StringComparison.Ordinal) || path.StartsWith("/css/", StringComparison.Ordinal)
        || path.StartsWith("/scalar", StringComparison.OrdinalIgnoreCase)
        || path.StartsWith("/js/", StringComparison.Ordinal)
        || path.Equals("/Account/SignOut", StringComparison.OrdinalIgnoreCase)
        || FileExtension().IsMatch(path);

    /// <summary>The path with ids and tokens as {id}, plus the query's parameter names: one page per shape.</summary>
    private static string Shape(Uri url)
    {
        var path = string.Join('/', url.AbsolutePath.Split('/').Select(s => IdSegment().IsMatch(s) ? "{id}" : s.ToUpperInvariant()));
        var keys = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=')[0].ToUpperInvariant()).Order(StringComparer.Ordinal);
        return path + "?" + string.Join('&', keys);
    }

    /// <summary>A file name for the page: its path with ids and tokens as "id" (no token in a file name).</summary>
    private static string Slug(string path) =>
        string.Join('/', path.Split('/').Select(s => IdSegment().IsMatch(s) ? "id" : s)).Trim('/') is { Length: > 0 } p ? NotSlug().Replace(p, "-") : "root";

    private static string ResetFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Directory.CreateDirectory(folder).FullName;
    }

    /// <summary>Numbers, GUIDs, invitation tokens (43 base64url characters) and other long names with digits (mailbox files).</summary>
    [GeneratedRegex("^([0-9]+|[0-9a-fA-F-]{32,36}|[A-Za-z0-9_-]{43}|(?=.*[0-9])[A-Za-z0-9_.-]{16,})$")]
    private static partial Regex IdSegment();

    [GeneratedRegex(@"\.(png|svg|jpe?g|gif|ico|csv|zip|pdf|eml|txt|json|xml)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileExtension();

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotSlug();
}
