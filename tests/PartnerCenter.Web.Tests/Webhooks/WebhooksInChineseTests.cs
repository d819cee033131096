using PartnerCenter.Core.Webhooks;

namespace PartnerCenter.Web.Tests.Webhooks;

/// <summary>Partner Information &gt; Webhooks and the delivery log in Simplified Chinese (issue 19); event types and URLs stay as they are.</summary>
public sealed class WebhooksInChineseTests(WebhookApp app) : IClassFixture<WebhookApp>
{
    [Fact]
    public async Task A_Chinese_reader_sends_a_test_event_and_reads_the_delivery_log_in_Chinese()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var api = await app.NorthwindClientAsync();
        var endpointId = await api.RegisterAsync(receiver, WebhookEventTypes.InvitationSent);

        using var english = await app.SignedInBrowserAsync(DemoUsers.NorthwindAdmin);
        Assert.Equal("Webhooks", (await english.GetPageAsync("/PartnerInformation/Webhooks")).Heading);

        using var admin = (await app.SignedInBrowserAsync(DemoUsers.NorthwindAdmin)).ReadingChinese();
        var page = (await admin.GetPageAsync("/PartnerInformation/Webhooks")).AssertStatus(HttpStatusCode.OK);
        page.AssertChinese("Add an endpoint", "Your endpoints", "Delivery log", "Failed deliveries are retried");
        Assert.Equal("Webhook", page.Heading);
        Assert.Contains(WebhookEventTypes.InvitationSent, page.MainText, StringComparison.Ordinal);
        var rotate = page.FormOfButton($"轮换密钥：{receiver.Url}");
        Assert.StartsWith($"确定轮换 {receiver.Url} 的签名密钥吗？原密钥将在 ", rotate.QuerySelector("button")!.GetAttribute("data-confirm"), StringComparison.Ordinal);

        using var sent = await admin.SubmitAsync(page, page.FormOfButton($"向 {receiver.Url} 发送测试事件"));
        var log = await admin.FollowAsync(sent);
        Assert.Contains("测试事件已加入队列，几秒内将在下方日志中显示投递情况。", log.Alerts("success"));
        Assert.Equal(1, await app.DeliverDueAsync());

        log = (await admin.GetPageAsync($"/PartnerInformation/WebhookDeliveries/{endpointId}")).AssertStatus(HttpStatusCode.OK);
        log.AssertChinese("Delivered", "Send test event", "Back to Webhooks");
        Assert.Equal("Webhook 投递记录", log.Heading);
        Assert.Equal(["合作伙伴信息", "Webhook", "投递记录"], log.Document.QuerySelectorAll(".breadcrumb-item").Select(li => li.TextContent.Trim()));
        var row = log.Document.QuerySelector("main tbody tr")!.TextContent;
        Assert.Contains("已投递", row, StringComparison.Ordinal);
        Assert.Contains("HTTP 200，耗时", row, StringComparison.Ordinal);
    }
}
