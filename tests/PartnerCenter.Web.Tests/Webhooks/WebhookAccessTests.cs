using PartnerCenter.Core.ApiKeys;
using PartnerCenter.Core.Webhooks;
using PartnerCenter.Web.Tests.Api;

namespace PartnerCenter.Web.Tests.Webhooks;

/// <summary>/api/v1/webhooks: the scope, another partner's endpoint, bad input with its problem code.</summary>
public sealed class WebhookAccessTests(WebhookApp app) : IClassFixture<WebhookApp>
{
    [Fact]
    public async Task Without_webhooks_manage_every_webhook_call_is_403()
    {
        using var api = await app.NorthwindClientAsync(ApiScopes.PreregistrationsRead, ApiScopes.CustomersWrite);
        using (var post = await api.PostAsync("api/v1/webhooks", new { url = "https://203.0.113.10/hook", events = new[] { WebhookEventTypes.CustomerFrozen } }))
        {
            await post.ProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        }

        using (var get = await api.GetAsync("api/v1/webhooks"))
        {
            await get.ProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        }

        using var delete = await api.DeleteAsync("api/v1/webhooks/1");
        await delete.ProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
    }

    [Fact]
    public async Task Another_partners_webhook_is_404_and_not_listed_and_delete_stops_deliveries()
    {
        using var northwind = await app.NorthwindClientAsync(ApiScopes.WebhooksManage);
        using var created = await northwind.PostAsync("api/v1/webhooks", new { url = "https://203.0.113.10/hook", events = new[] { WebhookEventTypes.CustomerFrozen } });
        var body = await created.JsonOfAsync(HttpStatusCode.Created);
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/webhooks/{id}", created.Headers.Location?.OriginalString);

        using var contoso = app.Client(await app.CreateKeyAsync(Contoso, [ApiScopes.WebhooksManage], admin: DemoUsers.ContosoAdmin));
        using (var list = await contoso.GetAsync("api/v1/webhooks"))
        {
            Assert.DoesNotContain((await list.JsonOfAsync(HttpStatusCode.OK)).EnumerateArray(), w => w.GetProperty("id").GetInt32() == id);
        }

        using (var foreign = await contoso.DeleteAsync($"api/v1/webhooks/{id}"))
        {
            await foreign.ProblemAsync(HttpStatusCode.NotFound, "not_found");
        }

        using (var mine = await northwind.GetAsync("api/v1/webhooks"))
        {
            var listed = Assert.Single((await mine.JsonOfAsync(HttpStatusCode.OK)).EnumerateArray(), w => w.GetProperty("id").GetInt32() == id);
            Assert.False(listed.TryGetProperty("secret", out _)); // the secret is never listed
        }

        using (var deleted = await northwind.DeleteAsync($"api/v1/webhooks/{id}"))
        {
            await deleted.AssertStatusAsync(HttpStatusCode.NoContent);
        }

        using var again = await northwind.DeleteAsync($"api/v1/webhooks/{id}");
        await again.ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("ftp://203.0.113.10/hook", "invalid_webhook_url")]
    [InlineData("not a url", "invalid_webhook_url")]
    [InlineData("http://203.0.113.10/hook", "invalid_webhook_url")]
    [InlineData("https://user:pw@203.0.113.10/hook", "invalid_webhook_url")]
    public async Task A_bad_url_is_400_with_its_code(string url, string code)
    {
        using var api = await app.NorthwindClientAsync(ApiScopes.WebhooksManage);
        using var response = await api.PostAsync("api/v1/webhooks", new { url, events = new[] { WebhookEventTypes.CustomerFrozen } });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.Equal("url", problem.GetProperty("errors")[0].Str("field"));
    }

    [Fact]
    public async Task An_unknown_event_or_none_is_400_with_its_code()
    {
        using var api = await app.NorthwindClientAsync(ApiScopes.WebhooksManage);
        using (var unknown = await api.PostAsync("api/v1/webhooks", new { url = "https://203.0.113.10/hook", events = new[] { "customer.frozen", "customer.deleted" } }))
        {
            var problem = await unknown.ProblemAsync(HttpStatusCode.BadRequest, "unknown_event");
            Assert.Equal("events", problem.GetProperty("errors")[0].Str("field"));
        }

        using var none = await api.PostAsync("api/v1/webhooks", new { url = "https://203.0.113.10/hook", events = Array.Empty<string>() });
        await none.ProblemAsync(HttpStatusCode.BadRequest, "invalid_events");
    }
}

/// <summary>Outside Development (local addresses not allowed): private, link-local and loopback addresses are refused, on registration and at delivery.</summary>
public sealed class WebhookSsrfTests(GuardedWebhookApp app) : IClassFixture<GuardedWebhookApp>
{
    [Theory]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://172.16.0.1/hook")]
    [InlineData("https://192.168.1.20/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[fd00::1]/hook")]
    [InlineData("https://[::ffff:10.0.0.1]/hook")]
    [InlineData("https://100.64.0.1/hook")]
    public async Task A_private_link_local_or_loopback_address_is_refused_through_the_api(string url)
    {
        using var api = await app.NorthwindClientAsync(ApiScopes.WebhooksManage);
        using var response = await api.PostAsync("api/v1/webhooks", new { url, events = new[] { WebhookEventTypes.CustomerFrozen } });
        await response.ProblemAsync(HttpStatusCode.BadRequest, "webhook_address_refused");
    }

    [Fact]
    public async Task A_public_address_is_accepted()
    {
        using var api = await app.NorthwindClientAsync(ApiScopes.WebhooksManage);
        using var response = await api.PostAsync("api/v1/webhooks", new { url = "https://203.0.113.10/hook", events = new[] { WebhookEventTypes.CustomerFrozen } });
        await response.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_page_refuses_a_private_address_by_the_field_and_keeps_the_input()
    {
        using var admin = await app.SignedInBrowserAsync(DemoUsers.NorthwindAdmin);
        var page = await admin.GetPageAsync("/PartnerInformation/Webhooks");
        using var response = await admin.PostFormWithTokenAsync("/PartnerInformation/CreateWebhook", page.AntiforgeryToken!,
            ("Url", "https://192.168.0.10/crm"), ("Events", WebhookEventTypes.CustomerFrozen));
        var shown = await HtmlPage.ReadAsync(response);
        shown.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(WebhookErrors.AddressRefused.Message, shown.FieldError("Url"));
        Assert.Equal("https://192.168.0.10/crm", shown.InputValue("Url"));
        Assert.NotNull(shown.Document.QuerySelector($"input[name=Events][value='{WebhookEventTypes.CustomerFrozen}'][checked]"));
    }

    /// <summary>
    /// An endpoint stored while local addresses were allowed (a second instance in Development on the same
    /// database) is not called by this instance: the address is checked when connecting.
    /// </summary>
    [Fact]
    public async Task At_delivery_an_address_that_is_not_public_is_refused_and_logged()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var development = new TestApp { DatabaseOf = app, RunDispatcher = false, RunWebhookDispatcher = false, SeedDemoData = false };
        var partnerId = await app.PartnerIdAsync(Northwind);
        var userId = await app.UserIdAsync(DemoUsers.NorthwindAdmin);
        var created = await development.WithServiceAsync<CreateWebhookEndpoint, Result<CreatedWebhook>>(create =>
            create.ExecuteAsync(userId, partnerId, new WebhookRequest(receiver.Url, [WebhookEventTypes.CustomerFrozen]), CancellationToken.None));
        Assert.True(created.IsSuccess, created.Error?.Message);
        var delivery = await app.WithServiceAsync<SendTestWebhook, Result<WebhookDelivery>>(send => send.ExecuteAsync(partnerId, created.Value!.Id, CancellationToken.None));

        Assert.Equal(1, await app.DeliverWebhooksOnceAsync());
        Assert.Empty(receiver.Received);
        var attempt = Assert.Single(await app.AttemptsAsync(delivery.Value!.Id));
        Assert.Null(attempt.StatusCode);
        Assert.Contains("private, link-local or loopback", attempt.Error, StringComparison.Ordinal);
    }
}
