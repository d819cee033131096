using PartnerCenter.Web.Tests.Invitations;

namespace PartnerCenter.Web.Tests.Mailbox;

/// <summary>The development Mailbox in Simplified Chinese (issue 19); the emails themselves are another matter (their own language).</summary>
public sealed class MailboxInChineseTests(PickupApp app) : AppTest<PickupApp>(app)
{
    [Fact]
    public async Task A_Chinese_reader_reads_the_mailbox_and_a_message_page_in_Chinese()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var invited = Assert.Single(await App.AddPreregisteredAsync(InvitationSteps.NorthwindName, "mailboxzh", 1));
        await sales.InviteAsync(invited);
        Assert.True(await App.DispatchOnceAsync() >= 1);

        var english = await NewClient().GetPageAsync("/Mailbox");
        Assert.Equal("Mailbox", english.Heading);

        var visitor = NewClient().ReadingChinese();
        var mailbox = (await visitor.GetPageAsync("/Mailbox")).AssertStatus(HttpStatusCode.OK);
        mailbox.AssertChinese("Emails the portal sent", "Subject");
        Assert.Equal("邮箱", mailbox.Heading);
        Assert.Equal(["日期", "收件人", "主题"], mailbox.Document.QuerySelectorAll("main thead th").Select(th => th.TextContent.Trim()));
        var show = mailbox.Document.QuerySelectorAll("tbody tr")
            .First(tr => tr.TextContent.Contains("mailboxzh001@prospects.example", StringComparison.Ordinal))
            .QuerySelector("a")!.GetAttribute("href")!;

        var message = (await visitor.GetPageAsync(show)).AssertStatus(HttpStatusCode.OK);
        var headings = message.Document.QuerySelectorAll("main h2");
        Assert.Equal("纯文本", headings[headings.Length - 1].TextContent.Trim());
        Assert.Equal("邮件（HTML 部分）", message.Document.QuerySelector("main iframe")!.GetAttribute("title"));
        Assert.Contains(message.Document.QuerySelectorAll("main a"), a => a.TextContent.Trim() == "返回邮箱");
    }
}
