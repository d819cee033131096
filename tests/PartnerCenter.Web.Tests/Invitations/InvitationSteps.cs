using AngleSharp.Html.Dom;
using MimeKit;

namespace PartnerCenter.Web.Tests.Invitations;

/// <summary>What the invitation suites do over and over: find and add records, invite, read links and mail.</summary>
internal static class InvitationSteps
{
    public const string NorthwindName = Northwind;
    public const string ContosoClaimed = ClaimedByContoso;

    /// <summary>The outbox rows of these customers, oldest first.</summary>
    public static Task<List<OutboxMessage>> OutboxForAsync(this TestApp app, params string[] emails) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => emails.Contains(m.To))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .ToListAsync());

    public static Task<List<OutboxMessage>> OutboxAsync(this TestApp app) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());

    /// <summary>The Message-Id the dispatcher gives an outbox row: the same on every attempt.</summary>
    public static string MessageIdOf(OutboxMessage message) => $"{message.Id:N}@partnercenter.local";

    /// <summary>POST /Invitations/Send, as the Invite dialog's OK does.</summary>
    public static Task<HttpResponseMessage> SendInvitationsAsync(this PartnerCenterClient client, params Guid[] ids) =>
        client.PostFormAsync("/Invitations/Send", [.. ids.Select(id => ("ids", (string?)id.ToString())), ("returnUrl", "/CustomerDevelopment")]);

    /// <summary>Sends and follows back to the list, where the flash messages say what happened.</summary>
    public static async Task<HtmlPage> InviteAsync(this PartnerCenterClient client, params Guid[] ids)
    {
        var response = await client.SendInvitationsAsync(ids);
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        return await client.FollowAsync(response);
    }

    /// <summary><b>New link</b> (POST /Invitations/Link/{id}), then the Link / QR code page it redirects to.</summary>
    public static async Task<HtmlPage> LinkPageAsync(this PartnerCenterClient client, Guid id)
    {
        using var response = await client.PostFormAsync($"/Invitations/Link/{id}", ("returnUrl", "/CustomerDevelopment"));
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        return (await client.FollowAsync(response)).AssertStatus(HttpStatusCode.OK);
    }

    /// <summary>The invitation URL the Link / QR code page shows for copying.</summary>
    public static string InviteUrl(this HtmlPage page) =>
        (page.Document.QuerySelector("input#invite-url") as IHtmlInputElement)?.Value
        ?? throw new InvalidOperationException($"No invitation URL on {page}");

    /// <summary>Clicks a row button of the list (buttons that submit a shared form through form= and formaction=).</summary>
    public static async Task<HttpResponseMessage> ClickAsync(this PartnerCenterClient client, HtmlPage page, string ariaLabel)
    {
        var button = page.Document.QuerySelectorAll("button").FirstOrDefault(b => b.GetAttribute("aria-label") == ariaLabel)
                     ?? throw new InvalidOperationException($"No button '{ariaLabel}' on {page}");
        var form = (button.GetAttribute("form") is { } formId ? page.Document.GetElementById(formId) : button.Closest("form")) as IHtmlFormElement
                   ?? throw new InvalidOperationException($"Button '{ariaLabel}' has no form.");
        var fields = form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>()
            .Select(i => (i.Name!, (string?)i.Value)).ToList();
        if (button.GetAttribute("name") is { } name)
        {
            fields.Add((name, button.GetAttribute("value")));
        }

        var action = button.GetAttribute("formaction") ?? form.GetAttribute("action") ?? page.Url.PathAndQuery;
        return await client.PostFormWithoutTokenAsync(new Uri(page.Url, action).PathAndQuery, [.. fields]);
    }

    /// <summary>The path (and query) of an absolute invitation link, to request it from the test server.</summary>
    public static string PathOf(string url) => new Uri(url).PathAndQuery;

    /// <summary>The invitation links in a text.</summary>
    public static IReadOnlyList<string> InviteLinksIn(string? text) =>
        System.Text.RegularExpressions.Regex.Matches(text ?? "", $@"{System.Text.RegularExpressions.Regex.Escape(TestApp.PublicBaseUrl)}/invite/[A-Za-z0-9_-]+")
            .Select(m => m.Value).Distinct().ToList();

    /// <summary>Each outbox row's email arrived, once; nothing else arrived (compared by Message-Id).</summary>
    public static void AssertArrivedExactlyOnce(IEnumerable<OutboxMessage> rows, IEnumerable<MimeMessage> arrived)
    {
        var expected = rows.Select(MessageIdOf).ToHashSet(StringComparer.Ordinal);
        var counts = arrived.GroupBy(m => m.MessageId ?? "(no Message-Id)", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var twice = counts.Where(c => c.Value > 1).Select(c => $"{c.Key} ({c.Value} times)").ToList();
        var lost = expected.Where(id => !counts.ContainsKey(id)).ToList();
        var strangers = counts.Keys.Where(id => !expected.Contains(id)).ToList();
        Assert.True(twice.Count + lost.Count + strangers.Count == 0,
            $"Of {expected.Count} emails: arrived more than once: [{string.Join(", ", twice)}]; never arrived: [{string.Join(", ", lost)}]; " +
            $"arrived but not expected: [{string.Join(", ", strangers)}].");
    }

    /// <summary>The rows of the Invitation history page: event, channel, detail.</summary>
    public static List<(string Event, string Channel, string Detail)> HistoryLines(HtmlPage history) =>
        history.Document.QuerySelectorAll("tbody tr:not([data-link])")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .Select(cells => (cells[1], cells[2], cells[3]))
            .ToList();

    /// <summary>The Links table of the invitation history: each link's channel and state, newest first, and whether it offers Revoke.</summary>
    public static List<(string Channel, string State, bool CanRevoke)> HistoryLinks(HtmlPage history) =>
        history.Document.QuerySelectorAll("tbody tr[data-link]")
            .Select(tr => (tr.QuerySelectorAll("td")[1].TextContent.Trim(), tr.QuerySelector("[data-testid=link-state]")!.TextContent.Trim(),
                tr.QuerySelectorAll("button").Any(b => b.TextContent.Trim() == "Revoke")))
            .ToList();

    /// <summary>The address of a row link of the list (an anchor found by its accessible name).</summary>
    public static string LinkHref(this HtmlPage page, string ariaLabel) =>
        page.Document.QuerySelectorAll("a").FirstOrDefault(a => a.GetAttribute("aria-label") == ariaLabel)?.GetAttribute("href")
        ?? throw new InvalidOperationException($"No link '{ariaLabel}' on {page}");
}
