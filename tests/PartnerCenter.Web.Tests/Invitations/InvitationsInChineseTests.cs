using AngleSharp.Html.Dom;

namespace PartnerCenter.Web.Tests.Invitations;

/// <summary>The Invite dialog, Link / QR code and the invitation history in Simplified Chinese, and English without a preference.</summary>
public sealed class InvitationsInChineseTests(TestApp app) : AppTest<TestApp>(app)
{
    [Fact]
    public async Task Invite_link_and_history_pages_and_their_messages_speak_Chinese()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var id = await sales.PreregisterOrThrowAsync(App, "Li Lei", Preregister.NewEmail("lilei"));
        sales.ReadingChinese();

        var link = await sales.GetPageAsync($"/Invitations/Link/{id}");
        Assert.Equal("链接/二维码", link.Heading);
        Assert.Equal("为 L*** L*** 生成新的邀请链接？", link.Document.QuerySelector("main form[data-confirm]")?.GetAttribute("data-confirm"));
        using (var issued = await sales.SubmitAsync(link, link.FormOfButton("生成新链接")))
        {
            var shown = await sales.FollowAsync(issued);
            Assert.Equal(["已生成新链接。该客户此前的链接均已失效。"], shown.Alerts("success"));
            Assert.Equal("复制", shown.Document.QuerySelector("button[data-copy]")?.TextContent.Trim());
            Assert.Equal("链接已复制到剪贴板。", shown.Document.QuerySelector("[data-copy-status]")?.GetAttribute("data-copied"));
            Assert.NotNull(shown.Document.QuerySelector("img[alt='邀请链接二维码']"));
        }

        var history = await sales.GetPageAsync($"/Invitations/History/{id}");
        Assert.Equal("邀请历史", history.Heading);
        var state = history.Document.QuerySelector("[data-testid=link-state]")?.TextContent.Trim();
        Assert.Equal("有效", state);
        Assert.Contains("链接/二维码", history.Document.QuerySelector("tbody tr[data-link]")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(history.Document.QuerySelectorAll("button").FirstOrDefault(b => b.TextContent.Trim() == "撤销"));

        var list = await sales.GetPageAsync("/CustomerDevelopment");
        using var confirm = await sales.SubmitAsync(list, (IHtmlFormElement)list.Document.QuerySelector("form#invite-one")!, ("ids", id.ToString()));
        var dialog = await HtmlPage.ReadAsync(confirm);
        Assert.Equal("邀请", dialog.Heading);
        Assert.Contains("向 L*** L*** 发送关联邀请邮件。", dialog.MainText, StringComparison.Ordinal);
        Assert.Equal("预览邮件", dialog.Document.QuerySelector("details#preview summary")?.TextContent.Trim());
        using var sent = await sales.SubmitAsync(dialog, dialog.FormOfButton("确定"));
        var after = await sales.FollowAsync(sent);
        Assert.Equal(["发送给 L*** L*** 的邀请邮件正在发送。"], after.Alerts("success"));
    }

    [Fact]
    public async Task Without_a_language_preference_the_link_page_stays_English()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var id = await sales.PreregisterOrThrowAsync(App, "Han Meimei", Preregister.NewEmail("hanmeimei"));

        var link = await sales.GetPageAsync($"/Invitations/Link/{id}");
        Assert.Equal("Link / QR code", link.Heading);
        Assert.Equal("Invitation history", (await sales.GetPageAsync($"/Invitations/History/{id}")).Heading);
    }
}
