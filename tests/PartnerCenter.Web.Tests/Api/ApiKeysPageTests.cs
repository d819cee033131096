namespace PartnerCenter.Web.Tests.Api;

/// <summary>Partner Information &gt; API keys: create shows the key once, the list shows its prefix, revoke with a message; both audited.</summary>
public sealed class ApiKeysPageTests(ApiApp app) : IClassFixture<ApiApp>
{
    private const string Page = "/PartnerInformation/ApiKeys";

    [Fact]
    public async Task A_key_created_on_the_page_is_shown_once_works_and_stops_working_once_revoked()
    {
        using var admin = await app.SignedInBrowserAsync(DemoUsers.NorthwindAdmin);
        var page = await admin.GetPageAsync(Page);
        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("API keys", page.Heading);
        Assert.NotNull(page.Document.QuerySelector("a[href='/scalar/v1']"));

        var name = "CRM " + Guid.NewGuid().ToString("N")[..6];
        using var created = await admin.PostFormWithTokenAsync(Page.Replace("ApiKeys", "CreateApiKey", StringComparison.Ordinal), page.AntiforgeryToken!,
            ("Name", name), ("Scopes", "preregistrations:read"), ("Scopes", "customers:read"), ("ExpiresOn", ""));
        var shown = await HtmlPage.ReadAsync(created);
        shown.AssertStatus(HttpStatusCode.OK);
        Assert.True(created.Headers.CacheControl?.NoStore);
        Assert.Contains($"API key {name} created. Copy it now: it is shown only once.", shown.Alerts("success"));
        var key = (shown.Document.QuerySelector("#new-key") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value;
        Assert.StartsWith("pc_live_", key, StringComparison.Ordinal);

        // Listed with its prefix and scopes; the key itself is never shown again.
        var list = await admin.GetPageAsync(Page);
        Assert.Null(list.Document.QuerySelector("#new-key"));
        Assert.DoesNotContain(key, list.Document.Body!.OuterHtml, StringComparison.Ordinal);
        var row = list.Document.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal));
        Assert.Contains(key[..14], row.TextContent, StringComparison.Ordinal);
        Assert.Contains("preregistrations:read customers:read", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Active", row.TextContent, StringComparison.Ordinal);

        using var api = app.Client(key);
        using (var works = await api.GetAsync("api/v1/customers"))
        {
            await works.AssertStatusAsync(HttpStatusCode.OK);
        }

        var revokeForm = list.FormOfButton($"Revoke {name}");
        Assert.Contains("Revoke the API key", revokeForm.QuerySelector("button")!.GetAttribute("data-confirm"), StringComparison.Ordinal);
        using var revoked = await admin.SubmitAsync(list, revokeForm);
        var after = await admin.FollowAsync(revoked);
        Assert.Contains(after.Alerts("success"), a => a.StartsWith($"API key {name} ({key[..14]}…) revoked.", StringComparison.Ordinal));
        Assert.Contains("Revoked", after.Document.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);

        using var refused = await api.GetAsync("api/v1/customers");
        await refused.ProblemAsync(HttpStatusCode.Unauthorized, "api_key_revoked");

        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "ApiKey" && a.After!.Contains(name)).Select(a => a.Action).ToListAsync());
        Assert.Equal(["ApiKeyCreated", "ApiKeyRevoked"], actions.Order());
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.After!.Contains(key) || a.Before!.Contains(key))));
    }

    [Fact]
    public async Task Without_a_scope_or_a_name_the_form_comes_back_with_the_message_by_the_field()
    {
        using var admin = await app.SignedInBrowserAsync(DemoUsers.NorthwindAdmin);
        var page = await admin.GetPageAsync(Page);
        using var response = await admin.PostFormWithTokenAsync("/PartnerInformation/CreateApiKey", page.AntiforgeryToken!, ("Name", "No scopes"));
        var shown = await HtmlPage.ReadAsync(response);
        shown.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Choose at least one scope.", shown.FieldError("Scopes"));
        Assert.Equal("No scopes", shown.InputValue("Name"));

        using var noName = await admin.PostFormWithTokenAsync("/PartnerInformation/CreateApiKey", page.AntiforgeryToken!, ("Name", " "), ("Scopes", "customers:read"));
        Assert.StartsWith("Enter a name", (await HtmlPage.ReadAsync(noName)).FieldError("Name"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_cannot_manage_api_keys()
    {
        using var sales = await app.SignedInBrowserAsync(DemoUsers.NorthwindSales);
        using var response = await sales.GetAsync(Page);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
