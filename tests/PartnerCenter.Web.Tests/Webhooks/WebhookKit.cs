using System.Text.Json;
using PartnerCenter.Core.Webhooks;
using PartnerCenter.Web.Tests.Api;

namespace PartnerCenter.Web.Tests.Webhooks;

/// <summary>The API app (real Kestrel, fake clock) with the webhook dispatcher driven by the test, round by round.</summary>
public class WebhookApp : ApiApp
{
    public WebhookApp()
    {
        RunWebhookDispatcher = false;
    }
}

/// <summary>Outside Development: local and private addresses refused (the SSRF guard on).</summary>
public sealed class GuardedWebhookApp : WebhookApp
{
    public GuardedWebhookApp()
    {
        WebhookLocalAddresses = false;
    }
}

public static class WebhookSteps
{
    /// <summary>Registers the receiver through the API (deleting the partner's earlier endpoints first); the receiver learns the secret.</summary>
    public static async Task<int> RegisterAsync(this ApiClient api, WebhookReceiver receiver, params string[] events)
    {
        using (var list = await api.GetAsync("api/v1/webhooks"))
        {
            foreach (var old in (await list.JsonOfAsync(HttpStatusCode.OK)).EnumerateArray())
            {
                using var deleted = await api.DeleteAsync($"api/v1/webhooks/{old.GetProperty("id").GetInt32()}");
                await deleted.AssertStatusAsync(HttpStatusCode.NoContent);
            }
        }

        using var response = await api.PostAsync("api/v1/webhooks", new { url = receiver.Url, events });
        var body = await response.JsonOfAsync(HttpStatusCode.Created);
        var secret = body.Str("secret");
        Assert.StartsWith(WebhookEndpoint.SecretPrefix, secret, StringComparison.Ordinal);
        receiver.Secrets.Add(secret);
        return body.GetProperty("id").GetInt32();
    }

    /// <summary>Dispatch rounds until nothing more is due now.</summary>
    public static async Task<int> DeliverDueAsync(this TestApp app)
    {
        var total = 0;
        while (await app.DeliverWebhooksOnceAsync() is var round and > 0)
        {
            total += round;
        }

        return total;
    }

    public static Task<List<WebhookDelivery>> DeliveriesAsync(this TestApp app, int endpointId) =>
        app.WithDbAsync(db => db.WebhookDeliveries.Where(d => d.EndpointId == endpointId).OrderBy(d => d.CreatedAt).ToListAsync());

    public static Task<List<WebhookAttempt>> AttemptsAsync(this TestApp app, Guid deliveryId) =>
        app.WithDbAsync(db => db.WebhookAttempts.Where(a => a.DeliveryId == deliveryId).OrderBy(a => a.Number).ToListAsync());

    /// <summary>Asserts the thin body: exactly id, type, occurredAt, partnerId and data {id, url}.</summary>
    public static void AssertThinBody(ReceivedWebhook received, string type, int partnerId, string resourceId, string url)
    {
        var json = received.Json;
        Assert.Equal(["data", "id", "occurredAt", "partnerId", "type"], json.EnumerateObject().Select(p => p.Name).Order());
        Assert.True(Guid.TryParse(json.Str("id"), out _));
        Assert.Equal(type, json.Str("type"));
        Assert.True(DateTime.TryParse(json.Str("occurredAt"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out _));
        Assert.Equal(partnerId, json.GetProperty("partnerId").GetInt32());
        var data = json.GetProperty("data");
        Assert.Equal(["id", "url"], data.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(resourceId, data.GetProperty("id").ValueKind == JsonValueKind.Number ? data.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : data.Str("id"));
        Assert.Equal(url, data.Str("url"));
    }
}
