using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace PartnerCenter.Web.Tests.Associations;

/// <summary>A customer who registered from an invitation link and is signed in, not yet associated.</summary>
public sealed record InvitedCustomer(Guid PreregistrationId, string Name, string Email, string Token, PartnerCenterClient Client) : IDisposable
{
    public void Dispose() => Client.Dispose();
}

/// <summary>The steps of "the customer accepts", driven through the app as the partner and the customer would.</summary>
public static class AssociationKit
{
    /// <summary>Meets Identity's rules as configured in Program (8+, upper, lower, digit, symbol).</summary>
    public const string CustomerPassword = "Customer#2031";
    public const string GermanMobile = Preregister.GermanMobileNumber;

    /// <summary>A fresh, lower-case address no seeded record uses.</summary>
    public static string NewEmail(string who) => Preregister.NewEmail(who);

    /// <summary>Preregisters a customer for the signed-in partner user (no email invitation) and returns the record's id.</summary>
    public static Task<Guid> PreregisterAsync(TestApp app, PartnerCenterClient partner, string name, string email) =>
        partner.PreregisterOrThrowAsync(app, name, email);

    public static Task<Guid> PreregistrationIdAsync(TestApp app, string email) => app.PreregistrationIdAsync(email);

    /// <summary>Link/QR's <b>New link</b> as the partner does it: POST /Invitations/Link/{id}, then the page it redirects to; returns the token from the shown link.</summary>
    public static async Task<string> CreateLinkAsync(PartnerCenterClient partner, Guid preregistrationId)
    {
        using var response = await partner.PostFormAsync($"/Invitations/Link/{preregistrationId}");
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        var page = await partner.FollowAsync(response);
        page.AssertStatus(HttpStatusCode.OK);
        var url = (page.Document.QuerySelector("input#invite-url") as IHtmlInputElement)?.Value
                  ?? throw new InvalidOperationException($"No invitation link on {page}");
        var path = new Uri(url).AbsolutePath;
        Assert.StartsWith("/invite/", path, StringComparison.Ordinal);
        return path["/invite/".Length..];
    }

    /// <summary>Mints a link straight into the database, as the issuer would, at the app's "now".</summary>
    public static Task<string> MintTokenAsync(TestApp app, Guid preregistrationId) =>
        app.WithDbAsync(async db =>
        {
            var record = await db.Preregistrations.AsNoTracking().SingleAsync(p => p.Id == preregistrationId);
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var token = Invitation.NewToken();
            var invitation = Invitation.Issue(record, InvitationChannel.Link, token, app.Services.GetRequiredService<ITokenProtector>().Protect(token), Invitation.ExpiryFor(record.ExpiresAt, Invitation.DefaultLifetime, now), null, now);
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
            return token;
        });

    /// <summary>Opens the link's Register page and registers; the new client is signed in on the landing page.</summary>
    public static async Task<PartnerCenterClient> RegisterAsync(TestApp app, string token, string fullName, string password = CustomerPassword)
    {
        var client = app.CreatePartnerCenterClient();
        var page = await client.GetPageAsync($"/invite/{token}/register");
        page.AssertStatus(HttpStatusCode.OK);
        using var response = await client.SubmitAsync(page, page.FormOfButton("Register"),
            ("FullName", fullName), ("Password", password), ("ConfirmPassword", password));
        if (response.StatusCode != HttpStatusCode.Redirect || !client.HasAuthCookie)
        {
            client.Dispose();
            throw new InvalidOperationException($"Registering from /invite/{token} failed: {await HtmlPage.ReadAsync(response)}");
        }

        return client;
    }

    /// <summary>Preregistered by Northwind's sales user, invited by a link, registered and signed in.</summary>
    public static async Task<InvitedCustomer> InvitedCustomerAsync(TestApp app, PartnerCenterClient sales, string name)
    {
        var email = NewEmail(name.Split(' ')[0].ToLowerInvariant());
        var id = await PreregisterAsync(app, sales, name, email);
        var token = await CreateLinkAsync(sales, id);
        var client = await RegisterAsync(app, token, name);
        return new InvitedCustomer(id, name, email, token, client);
    }

    /// <summary>Opens the landing page and submits its Associate form, ticking the consent box or not.</summary>
    public static async Task<HttpResponseMessage> AssociateAsync(PartnerCenterClient customer, string token, bool consent = true)
    {
        var landing = await customer.GetPageAsync($"/invite/{token}");
        landing.AssertStatus(HttpStatusCode.OK);
        var form = landing.FormOfButton("Associate");
        return consent
            ? await customer.SubmitAsync(landing, form, ("Consent", "true"))
            : await customer.SubmitAsync(landing, form);
    }

    /// <summary>The href of the link with this visible text inside main.</summary>
    public static string? LinkHref(this HtmlPage page, string text) =>
        page.Document.QuerySelectorAll("main a").FirstOrDefault(a => a.TextContent.Trim() == text)?.GetAttribute("href");

    /// <summary>The text of the definition (dd) that follows a term (dt) of a description list, whitespace collapsed.</summary>
    public static string? Definition(this HtmlPage page, string term) =>
        page.Document.QuerySelectorAll("main dt").FirstOrDefault(dt => dt.TextContent.Trim() == term)?.NextElementSibling?.TextContent is { } text
            ? string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            : null;

    /// <summary>The message of the invitation problem page, or null.</summary>
    public static string? Problem(this HtmlPage page) =>
        page.Document.QuerySelector("[data-testid='invitation-problem']")?.TextContent.Trim();

    /// <summary>The table row that holds an element matching the selector.</summary>
    public static IElement RowOf(this HtmlPage page, string selector) =>
        page.Document.QuerySelector(selector)?.Closest("tr")
        ?? throw new InvalidOperationException($"No row with {selector} on {page}");
}

/// <summary>Everything an association attempt may change, to assert that a refused one changed nothing but History Records.</summary>
public sealed record AssociationState(
    PreregistrationStatus Status,
    int? AssociatedPartnerId,
    bool IsFrozen,
    string InvitationStatuses,
    int SuccessfulAttempts,
    int CustomerAssociatedAudits,
    int PartnerEmails)
{
    public static Task<AssociationState> ReadAsync(TestApp app, Guid preregistrationId, string email) =>
        app.WithDbAsync(async db =>
        {
            var account = await db.CustomerAccounts.AsNoTracking().Where(a => a.Email == email)
                .Select(a => new { a.Id, a.AssociatedPartnerId, a.IsFrozen }).SingleOrDefaultAsync();
            var accountId = account?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var statuses = await db.Invitations.AsNoTracking().Where(i => i.PreregistrationId == preregistrationId)
                .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).Select(i => i.Status).ToListAsync();
            var name = await db.Preregistrations.Where(p => p.Id == preregistrationId).Select(p => p.CustomerName).SingleAsync();
            return new AssociationState(
                await db.Preregistrations.Where(p => p.Id == preregistrationId).Select(p => p.Status).SingleAsync(),
                account?.AssociatedPartnerId,
                account?.IsFrozen ?? false,
                string.Join(",", statuses),
                await db.AssociationAttempts.CountAsync(a => a.PreregistrationId == preregistrationId && a.Succeeded),
                await db.AuditEntries.CountAsync(e => e.Action == "CustomerAssociated" && e.EntityId == accountId),
                // The partner's "accepted your invitation" email names the customer.
                // By subject: a sent email's bodies are cleared from the outbox.
                (await db.OutboxMessages.AsNoTracking().Where(m => m.To == NorthwindReservedEmail).Select(m => m.Subject).ToListAsync())
                    .Count(subject => subject == $"{name} is now your customer"));
        });
}
