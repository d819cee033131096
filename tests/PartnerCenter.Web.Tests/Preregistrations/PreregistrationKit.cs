using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace PartnerCenter.Web.Tests.Preregistrations;

/// <summary>One row of the Customer Development list as the partner sees it.</summary>
/// <param name="Id">The row's id where the page carries it (a select box or Delete button: deletable rows only).</param>
public sealed record ListRow(string Name, string Email, string Mobile, string Status, string ExpiresIn, Guid? Id, bool HasDeleteButton);

/// <summary>What the preregistration suites share: the pages, the demo partners, reading the list, arranging rows.</summary>
public static class PreregistrationKit
{
    public const string ListUrl = "/CustomerDevelopment";
    public const string FormUrl = Preregister.FormUrl;
    public const string DeleteUrl = "/CustomerDevelopment/Delete";

    public const string ManualReview = "This customer needs a manual review";
    public const string ClaimedByAnother = "This customer has been preregistered by another partner.";
    public const string CapMessage = "You have reached the limit of 100 preregistrations (Pending review, Preregistered, Action required, Extension requested). " +
                                     "Delete some or wait for them to expire before preregistering more.";

    /// <summary>A valid German mobile (Northwind and Tailspin develop business in DE): +49 1512 34567xx.</summary>
    public static string GermanMobile(int n) => $"+49151234567{n % 100:00}";

    /// <summary>A valid Singapore mobile (Contoso develops business in SG): +65 8123 45xx.</summary>
    public static string SingaporeMobile(int n) => $"+65812345{n % 100:00}";

    /// <summary>Opens the form and submits it as a partner would: OK with these values.</summary>
    public static Task<HttpResponseMessage> SubmitFormAsync(
        this PartnerCenterClient client, string name, string email, string mobile, bool sendInvitation = false) =>
        client.SubmitPreregistrationAsync(name, email, mobile, sendInvitation);

    /// <summary>Submits the form and follows where it leads: the list on success, the form again otherwise.</summary>
    public static async Task<HtmlPage> PreregisterAsync(
        this PartnerCenterClient client, string name, string email, string mobile, bool sendInvitation = false) =>
        await client.FollowAsync(await client.SubmitFormAsync(name, email, mobile, sendInvitation));

    /// <summary>Preregisters and asserts it worked (post/redirect/get to the list).</summary>
    public static async Task PreregisterOrFailAsync(this PartnerCenterClient client, string name, string email, string mobile)
    {
        using var response = await client.SubmitFormAsync(name, email, mobile);
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal(ListUrl, response.Headers.Location!.AbsolutePathOrOriginal());
    }

    /// <summary>The form fields a raw POST needs, for requests fired in parallel.</summary>
    public static (string Name, string? Value)[] FormFields(string name, string email, string mobile, bool confirmReview = false) =>
        Preregister.FormFields(name, email, mobile, sendInvitation: false, confirmReview);

    public static string Usage(this HtmlPage page) =>
        page.Document.QuerySelector("[data-testid='usage']")?.TextContent.Trim()
        ?? throw new InvalidOperationException($"No usage line on {page}");

    public static string UsageLine(int open) => $"{open} of 100 preregistrations used (Pending review, Preregistered, Action required, Extension requested)";

    public static IReadOnlyList<ListRow> Rows(this HtmlPage page) =>
        page.Document.QuerySelectorAll("main table tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").ToList())
            .Where(cells => cells.Count == 8)
            .Select(cells =>
            {
                var id = (cells[0].QuerySelector("input[name='ids']") as IHtmlInputElement)?.Value;
                var delete = cells[7].QuerySelector("button[form='delete-one']");
                return new ListRow(
                    Text(cells[1]), Text(cells[2]), Text(cells[3]),
                    Text(cells[4].QuerySelector(".badge-status")), Text(cells[6]),
                    id is null ? null : Guid.Parse(id), delete is not null);
            })
            .ToList();

    /// <summary>The whole response as served, to prove a value is nowhere in it (attributes included).</summary>
    public static string Html(this HtmlPage page) => page.Document.DocumentElement.OuterHtml;

    /// <summary>Shows or hides a column with the eye button's own form (hidden form #reveal-{column}).</summary>
    public static async Task<HttpResponseMessage> ToggleColumnAsync(this PartnerCenterClient client, HtmlPage list, MaskedColumn column, bool show)
    {
        var form = list.Document.QuerySelector($"form#reveal-{column}") as IHtmlFormElement
                   ?? throw new InvalidOperationException($"No reveal form for {column} on {list}");
        return await client.SubmitAsync(list, form, ("show", show ? "true" : "false"));
    }

    public static Task<int> PreregistrationCountAsync(this TestApp app) =>
        app.WithDbAsync(db => db.Preregistrations.CountAsync());

    /// <summary>Pending review, Action required, Extension requested, and Preregistered still valid, as the app counts toward the cap.</summary>
    public static async Task<int> OpenCountAsync(this TestApp app, string partner)
    {
        var partnerId = await app.PartnerIdAsync(partner);
        var now = app.Now;
        return await app.WithDbAsync(db => PreregistrationQueries.OpenCountAsync(db, partnerId, now, CancellationToken.None));
    }

    public static Task<List<Preregistration>> RecordsAsync(this TestApp app, string email) =>
        app.WithDbAsync(db => db.Preregistrations.AsNoTracking().Where(p => p.CustomerEmail == email).OrderBy(p => p.CreatedAt).ToListAsync());

    public static Task<Preregistration> RecordAsync(this TestApp app, Guid id) =>
        app.WithDbAsync(db => db.Preregistrations.AsNoTracking().SingleAsync(p => p.Id == id));

    private static string Text(IElement? element) =>
        string.Join(' ', (element?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
