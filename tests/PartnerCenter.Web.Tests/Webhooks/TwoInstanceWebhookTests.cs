using PartnerCenter.Core.ApiKeys;
using PartnerCenter.Core.Webhooks;
using PartnerCenter.Web.Tests.Api;

namespace PartnerCenter.Web.Tests.Webhooks;

/// <summary>Two app instances on one database (each engine), both with their background webhook dispatcher: each delivery is posted once.</summary>
public sealed class TwoInstanceWebhookTests
{
    [Theory, AllEngines]
    public async Task Two_instances_deliver_each_of_40_events_exactly_once(DatabaseEngine engine)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var one = new TestApp { Engine = engine, RunDispatcher = false, RunWebhookDispatcher = false };
        var partnerId = await one.PartnerIdAsync(Northwind);
        var userId = await one.UserIdAsync(DemoUsers.NorthwindAdmin);
        var created = await one.WithServiceAsync<CreateWebhookEndpoint, Result<CreatedWebhook>>(create =>
            create.ExecuteAsync(userId, partnerId, new WebhookRequest(receiver.Url, [WebhookEventTypes.PreregistrationCreated]), CancellationToken.None));
        receiver.Secrets.Add(created.Value!.Secret);

        // 40 events queued while no dispatcher runs.
        await one.AddPreregisteredAsync(Northwind, "twohooks", 40);
        Assert.Equal(40, await one.WithDbAsync(db => db.WebhookDeliveries.CountAsync(d => d.Status == WebhookDeliveryStatus.Pending)));

        await using var two = new TestApp { DatabaseOf = one, RunDispatcher = false, SeedDemoData = false };
        await using var three = new TestApp { DatabaseOf = one, RunDispatcher = false, SeedDemoData = false };
        await Task.WhenAll(Task.Run(() => two.Services), Task.Run(() => three.Services));
        await Poll.UntilAsync(async () => await one.WithDbAsync(db => db.WebhookDeliveries.AllAsync(d => d.Status == WebhookDeliveryStatus.Delivered)),
            what: "all 40 deliveries are delivered", timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(40, receiver.Received.Count);
        Assert.Equal(40, receiver.Received.Select(r => r.Json.Str("id")).Distinct().Count());
        Assert.All(receiver.Received, r => Assert.True(r.Verified));
        Assert.Equal(40, await one.WithDbAsync(db => db.WebhookAttempts.CountAsync()));
    }
}
