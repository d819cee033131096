using PartnerCenter.Core.Webhooks;
using PartnerCenter.Web.Tests.Api;
using PartnerCenter.Web.Tests.Operations;
using static PartnerCenter.Web.Tests.Webhooks.WebhookSteps;

namespace PartnerCenter.Web.Tests.Webhooks;

/// <summary>
/// Webhooks end to end over real HTTP: changes made through the API reach a real receiver (Kestrel on
/// 127.0.0.1) that verifies the signature; retries with backoff, the delivery log, redeliver, the test
/// event, rotation, and the give-up after the maximum age. The fake clock drives the backoff.
/// </summary>
public sealed class WebhookDeliveryTests(WebhookApp app) : IClassFixture<WebhookApp>
{
    [Fact]
    public async Task A_preregistration_created_through_the_api_is_delivered_signed_with_the_thin_body()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var api = await app.NorthwindClientAsync();
        var endpointId = await api.RegisterAsync(receiver, WebhookEventTypes.PreregistrationCreated);

        var id = await api.CreatePreregistrationAsync("Hook Created");
        Assert.Equal(1, await app.DeliverDueAsync());

        var received = Assert.Single(receiver.Received);
        Assert.True(received.Verified, received.SignatureHeader);
        Assert.Equal(1, received.SignatureCount);
        AssertThinBody(received, WebhookEventTypes.PreregistrationCreated, await app.PartnerIdAsync(Northwind), id.ToString(), $"/api/v1/preregistrations/{id}");

        // Tampering with the body breaks the signature: the check can fail.
        Assert.False(WebhookReceiver.Verify(received.SignatureHeader, received.Body.Replace("Hook", "Hack", StringComparison.Ordinal) + " ", [.. receiver.Secrets]));
        var delivery = Assert.Single(await app.DeliveriesAsync(endpointId));
        Assert.Equal((WebhookDeliveryStatus.Delivered, 1), (delivery.Status, delivery.Attempts));
    }

    [Fact]
    public async Task Freezing_a_customer_is_delivered_only_to_an_endpoint_that_subscribed_to_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var api = await app.NorthwindClientAsync();
        await api.RegisterAsync(receiver, WebhookEventTypes.CustomerFrozen);
        var customer = await app.AssociatedCustomerAsync("Hook Frozen");

        using (var unfrozen = await api.PostAsync($"api/v1/customers/{customer}/unfreeze", new { reason = "Budget agreed" }))
        {
            await unfrozen.AssertStatusAsync(HttpStatusCode.OK);
        }

        using (var frozen = await api.PostAsync($"api/v1/customers/{customer}/freeze", new { reason = "Invoice overdue" }))
        {
            await frozen.AssertStatusAsync(HttpStatusCode.OK);
        }

        await app.DeliverDueAsync();
        var received = Assert.Single(receiver.Received);
        Assert.True(received.Verified);
        AssertThinBody(received, WebhookEventTypes.CustomerFrozen, await app.PartnerIdAsync(Northwind), customer.ToString(System.Globalization.CultureInfo.InvariantCulture), $"/api/v1/customers/{customer}");
    }

    [Fact]
    public async Task A_receiver_that_fails_twice_gets_the_event_on_the_third_attempt_after_backing_off_and_the_log_has_three_attempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var api = await app.NorthwindClientAsync();
        var endpointId = await api.RegisterAsync(receiver, WebhookEventTypes.PreregistrationCreated);
        receiver.FailNext(2);
        using var attemptResults = new InstrumentRecorder(app, "partnercenter.webhooks.delivery_attempts", "result");
        await api.CreatePreregistrationAsync("Hook Retry");

        Assert.Equal(1, await app.DeliverDueAsync());
        Assert.Equal(0, await app.DeliverDueAsync()); // backing off: not due yet
        app.FakeClock.Advance(app.WebhookRetryBaseDelay);
        Assert.Equal(1, await app.DeliverDueAsync());
        app.FakeClock.Advance(app.WebhookRetryBaseDelay);
        Assert.Equal(0, await app.DeliverDueAsync()); // the second wait is twice the first
        app.FakeClock.Advance(app.WebhookRetryBaseDelay);
        Assert.Equal(1, await app.DeliverDueAsync());

        Assert.Equal([500, 500, 200], receiver.Received.Select(r => r.AnsweredWith));
        Assert.All(receiver.Received, r => Assert.True(r.Verified));
        Assert.Single(receiver.Received.Select(r => r.Json.Str("id")).Distinct()); // the same event id every time
        var delivery = Assert.Single(await app.DeliveriesAsync(endpointId));
        Assert.Equal((WebhookDeliveryStatus.Delivered, 3), (delivery.Status, delivery.Attempts));
        var attempts = await app.AttemptsAsync(delivery.Id);
        Assert.Equal([500, 500, 200], attempts.Select(a => a.StatusCode ?? 0));
        Assert.Equal([false, false, true], attempts.Select(a => a.Succeeded));
        Assert.Equal(["failed", "failed", "delivered"], attemptResults.Values); // the operator's metric counts each attempt

        // The page's delivery log shows each attempt.
        using var admin = await app.SignedInBrowserAsync(DemoUsers.NorthwindAdmin);
        var log = await admin.GetPageAsync($"/PartnerInformation/WebhookDeliveries/{endpointId}");
        log.AssertStatus(HttpStatusCode.OK);
        var row = log.Document.QuerySelectorAll("main tbody tr").Single();
        Assert.Contains("Delivered", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, row.QuerySelectorAll("ol li").Length);
        Assert.Equal(2, row.QuerySelectorAll("ol li").Count(li => li.TextContent.Contains("HTTP 500", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_delivery_still_failing_after_the_maximum_age_is_marked_failed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var api = await app.NorthwindClientAsync();
        var endpointId = await api.RegisterAsync(receiver, WebhookEventTypes.PreregistrationCreated);
        receiver.FailNext(int.MaxValue);
        await api.CreatePreregistrationAsync("Hook Gives Up");
        var start = app.Now;

        var delivery = Assert.Single(await app.DeliveriesAsync(endpointId));
        while (delivery.Status == WebhookDeliveryStatus.Pending)
        {
            Assert.True(app.Now - start <= app.WebhookMaxAge + TimeSpan.FromHours(1), "still retrying long after the maximum age");
            await app.DeliverDueAsync();
            app.FakeClock.Advance(TimeSpan.FromMinutes(10));
            delivery = Assert.Single(await app.DeliveriesAsync(endpointId));
        }

        Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status);
        var attempts = await app.AttemptsAsync(delivery.Id);
        Assert.Equal(delivery.Attempts, attempts.Count);
        Assert.True(attempts[^1].At - start > app.WebhookMaxAge - TimeSpan.FromHours(2), $"gave up after {attempts[^1].At - start}");
        Assert.All(attempts, a => Assert.Equal(500, a.StatusCode));
        receiver.FailNext(0);
        Assert.Equal(0, await app.DeliverDueAsync());
    }

    [Fact]
    public async Task Send_test_event_redeliver_and_rotate_on_the_page()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var api = await app.NorthwindClientAsync();
        var endpointId = await api.RegisterAsync(receiver, WebhookEventTypes.InvitationSent);
        using var admin = await app.SignedInBrowserAsync(DemoUsers.NorthwindAdmin);
        var page = await admin.GetPageAsync("/PartnerInformation/Webhooks");
        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Webhooks", page.Heading);

        using var sent = await admin.SubmitAsync(page, page.FormOfButton($"Send test event to {receiver.Url}"));
        var log = await admin.FollowAsync(sent);
        Assert.Contains("Test event queued. Its delivery appears in the log below within seconds.", log.Alerts("success"));
        Assert.Equal(1, await app.DeliverDueAsync());
        var test = Assert.Single(receiver.Received);
        Assert.True(test.Verified);
        Assert.Equal(WebhookEventTypes.Test, test.Type);

        log = await admin.GetPageAsync($"/PartnerInformation/WebhookDeliveries/{endpointId}");
        var delivery = Assert.Single(await app.DeliveriesAsync(endpointId));
        using var again = await admin.SubmitAsync(log, log.FormOfButton($"Redeliver {WebhookEventTypes.Test} {delivery.Id}"));
        log = await admin.FollowAsync(again);
        Assert.Contains($"Event {WebhookEventTypes.Test} queued for redelivery.", log.Alerts("success"));
        Assert.Equal(1, await app.DeliverDueAsync());
        Assert.Equal(2, receiver.Received.Count);
        Assert.Equal(test.Json.Str("id"), receiver.Received[1].Json.Str("id")); // receivers deduplicate by id
        Assert.Equal(test.Body, receiver.Received[1].Body);

        // Rotation: the new secret is shown once; during the overlap both secrets sign.
        page = await admin.GetPageAsync("/PartnerInformation/Webhooks");
        using var rotated = await admin.SubmitAsync(page, page.FormOfButton($"Rotate secret of {receiver.Url}"));
        var shown = await HtmlPage.ReadAsync(rotated);
        Assert.True(rotated.Headers.CacheControl?.NoStore);
        Assert.Contains(shown.Alerts("success"), a => a.StartsWith($"Signing secret of {receiver.Url} rotated.", StringComparison.Ordinal));
        var newSecret = (shown.Document.QuerySelector("#new-secret") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value;
        var oldSecret = receiver.Secrets.Single();
        Assert.NotEqual(oldSecret, newSecret);
        Assert.Contains("Rotating", shown.Document.QuerySelectorAll("main tbody tr").Single().TextContent, StringComparison.Ordinal);

        using (var send = await admin.SubmitAsync(shown, shown.FormOfButton($"Send test event to {receiver.Url}")))
        {
            Assert.Equal(HttpStatusCode.Redirect, send.StatusCode);
        }

        await app.DeliverDueAsync();
        var during = receiver.Received[^1];
        Assert.Equal(2, during.SignatureCount);
        Assert.True(WebhookReceiver.Verify(during.SignatureHeader, during.Body, [newSecret]));
        Assert.True(WebhookReceiver.Verify(during.SignatureHeader, during.Body, [oldSecret]));

        // After the overlap (the sign-in has expired by then too) only the new secret signs.
        app.FakeClock.Advance(WebhookEndpoint.DefaultRotationOverlap + TimeSpan.FromMinutes(1));
        using var later = await app.SignedInBrowserAsync(DemoUsers.NorthwindAdmin);
        page = await later.GetPageAsync("/PartnerInformation/Webhooks");
        using (var send = await later.SubmitAsync(page, page.FormOfButton($"Send test event to {receiver.Url}")))
        {
            Assert.Equal(HttpStatusCode.Redirect, send.StatusCode);
        }

        await app.DeliverDueAsync();
        var after = receiver.Received[^1];
        Assert.Equal(1, after.SignatureCount);
        Assert.False(WebhookReceiver.Verify(after.SignatureHeader, after.Body, [oldSecret]));
        Assert.True(WebhookReceiver.Verify(after.SignatureHeader, after.Body, [newSecret]));

        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(WebhookEndpoint) && a.EntityId == endpointId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.Action).ToListAsync());
        Assert.Equal(["WebhookCreated", "WebhookSecretRotated"], actions.Order());
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.After!.Contains(newSecret) || a.After!.Contains(oldSecret))));
        Assert.False(await app.WithDbAsync(db => db.WebhookEndpoints.AnyAsync(w => w.ProtectedSecret.Contains(newSecret))));
    }

    [Fact]
    public async Task Invitation_sent_opened_and_the_expiry_sweep_each_reach_a_subscriber()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var api = await app.NorthwindClientAsync();
        await api.RegisterAsync(receiver, WebhookEventTypes.InvitationSent, WebhookEventTypes.InvitationOpened, WebhookEventTypes.PreregistrationExpired);

        using (var created = await api.PostAsync("api/v1/preregistrations", PartnerCenter.Web.Tests.Api.Api.NewCustomer("Hook Lifecycle", sendInvitation: true)))
        {
            await created.JsonOfAsync(HttpStatusCode.Created);
        }

        var id = await app.WithDbAsync(db => db.Preregistrations.Where(p => p.CustomerName == "Hook Lifecycle").Select(p => p.Id).SingleAsync());
        await app.DispatchOnceAsync(); // the outbox sends the invitation email: invitation.sent in the same save
        using (var link = await api.PostAsync($"api/v1/preregistrations/{id}/link", new { }))
        {
            var url = (await link.JsonOfAsync(HttpStatusCode.Created)).Str("url");
            using var anonymous = new HttpClient();
            using var opened = await anonymous.GetAsync(new Uri(url));
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        app.FakeClock.Advance(Preregistration.Validity + TimeSpan.FromHours(1));
        await app.WithServiceAsync<ExpirePreregistrations, int>(sweep => sweep.ExecuteAsync(CancellationToken.None));
        await app.DeliverDueAsync();

        var partnerId = await app.PartnerIdAsync(Northwind);
        // Other Northwind preregistrations lapse in the same sweep; this one's events, in order:
        var mine = receiver.Received.Where(r => r.Json.GetProperty("data").Str("id") == id.ToString()).ToList();
        Assert.Equal([WebhookEventTypes.InvitationSent, WebhookEventTypes.InvitationOpened, WebhookEventTypes.PreregistrationExpired], mine.Select(r => r.Type));
        Assert.All(receiver.Received, r => Assert.True(r.Verified));
        AssertThinBody(mine[0], WebhookEventTypes.InvitationSent, partnerId, id.ToString(), $"/api/v1/preregistrations/{id}/invitations");
        AssertThinBody(mine[2], WebhookEventTypes.PreregistrationExpired, partnerId, id.ToString(), $"/api/v1/preregistrations/{id}");
    }
}
