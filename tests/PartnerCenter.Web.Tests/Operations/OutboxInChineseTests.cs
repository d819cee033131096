using PartnerCenter.Web.Tests.Invitations;

namespace PartnerCenter.Web.Tests.Operations;

/// <summary>The Outbox page in Simplified Chinese (issue 19): an email failed on a real SMTP sink that is down, Retry with its flash message.</summary>
#pragma warning disable CA1001 // xunit disposes them through IAsyncLifetime.DisposeAsync
public sealed class OutboxInChineseTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string Email = "outboxzh@prospects.example";
    private SmtpServer smtp = null!;
    private DownMailApp app = null!;

    public Task InitializeAsync()
    {
        smtp = SmtpServer.Create();
        app = new DownMailApp(smtp);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_Chinese_reader_retries_a_failed_email_in_Chinese()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        (await sales.SubmitPreregistrationAsync("Liu Yang", Email, sendInvitation: true)).Dispose();
        await app.DispatchOnceAsync();
        using var english = await app.SignedInClientAsync(DemoUsers.Operator);
        Assert.Equal("Outbox", (await english.GetPageAsync("/Outbox")).Heading);
        using var ops = (await app.SignedInClientAsync(DemoUsers.Operator)).ReadingChinese();

        var page = (await ops.GetPageAsync("/Outbox")).AssertStatus(HttpStatusCode.OK);

        page.AssertChinese("Pending", "Failed emails", "Recipient", "Invitation");
        Assert.Equal("发件箱", page.Heading);
        Assert.Contains("发送失败的邮件", page.MainText, StringComparison.Ordinal);
        var form = page.FormOfButton("重试发送给 o***@prospects.example 的邮件");
        Assert.Equal("确定重新发送邮件给 o***@prospects.example 吗？", form.GetAttribute("data-confirm"));
        Assert.Equal("重试", form.QuerySelector("button")!.TextContent.Trim());

        await smtp.StartAsync();
        using var retried = await ops.SubmitAsync(page, form);
        Assert.Contains("邮件已重新加入发送队列，稍后将发送。", (await ops.FollowAsync(retried)).Alerts("success"));
    }

    private sealed class DownMailApp : TestApp
    {
        public DownMailApp(SmtpServer smtp)
        {
            Smtp = smtp;
            RunDispatcher = false;
            MaxAttempts = 1;
        }
    }
}
