using System.Text.RegularExpressions;

namespace PartnerCenter.Browser.Tests;

/// <summary>Partner Information &gt; Webhooks in the browser: add an endpoint, send a test event, read the delivery log.</summary>
[Collection(PortalCollection.Name)]
public sealed class WebhookTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task An_admin_adds_an_endpoint_sends_a_test_event_and_sees_it_delivered_in_the_log()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await SignInAsync(DemoUsers.NorthwindAdmin);
        await ChooseFromMenuAsync("Partner Information", "Webhooks");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Webhooks", Level = 1 })).ToBeVisibleAsync();

        await Page.GetByLabel("Endpoint URL").FillAsync(receiver.Url);
        await Page.GetByLabel("customer.frozen").CheckAsync();
        await Page.GetByLabel("preregistration.created").CheckAsync();
        await Page.Button("Add endpoint").ClickAsync();

        await Expect(Page.SuccessMessage()).ToContainTextAsync($"Webhook endpoint {receiver.Url} added. Copy its signing secret now: it is shown only once.");
        var secret = await Page.GetByRole(AriaRole.Textbox, new() { Name = "Signing secret" }).InputValueAsync();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        receiver.Secrets.Add(secret);
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = receiver.Url });
        await Expect(row).ToContainTextAsync("Active");
        await ScreenshotAsync("webhooks-added");

        await Page.GetByRole(AriaRole.Button, new() { Name = $"Send test event to {receiver.Url}" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/PartnerInformation/WebhookDeliveries/\\d+$"));
        await Expect(Page.SuccessMessage()).ToContainTextAsync("Test event queued.");

        // The app's own dispatcher posts it within a poll interval; the log shows it once reloaded.
        await Poll.UntilAsync(() => Task.FromResult(receiver.Received.Count > 0), what: "the receiver gets the test event", timeout: TimeSpan.FromSeconds(30));
        Assert.True(receiver.Received[0].Verified);
        await Poll.UntilAsync(async () =>
        {
            await Page.ReloadAsync();
            return (await Page.Locator("main tbody tr").First.TextContentAsync())?.Contains("Delivered", StringComparison.Ordinal) == true;
        }, what: "the log shows Delivered", timeout: TimeSpan.FromSeconds(30));
        var delivery = Page.Locator("main tbody tr").First;
        await Expect(delivery).ToContainTextAsync("webhook.test");
        await Expect(delivery).ToContainTextAsync("HTTP 200");
        await Expect(delivery.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Redeliver webhook.test") })).ToBeVisibleAsync();
        await ScreenshotAsync("webhook-delivery-log");
    }
}
