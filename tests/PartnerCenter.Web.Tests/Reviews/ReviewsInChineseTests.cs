using static PartnerCenter.Web.Tests.Reviews.ReviewKit;

namespace PartnerCenter.Web.Tests.Reviews;

/// <summary>The ecosystem manager's Manual reviews queue, its decisions and their messages in Simplified Chinese.</summary>
public sealed class ReviewsInChineseTests(TestApp app) : AppTest<TestApp>(app)
{
    [Fact]
    public async Task The_queue_its_buttons_and_the_messages_after_approving_returning_and_rejecting_are_Chinese()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        await SubmitForReviewAsync(App, sales, "Zhou Approve", NewEmail("zhoua"));
        await SubmitForReviewAsync(App, sales, "Zhou Reject", NewEmail("zhour"));
        await SubmitForReviewAsync(App, sales, "Zhou Return", NewEmail("zhout"));
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        em.ReadingChinese();

        var queue = await em.GetPageAsync("/Ecosystem/Reviews");
        Assert.Equal("人工审核", queue.Heading);
        Assert.Equal(["合作伙伴", "客户", "审核原因与客户信息", "提交时间", "剩余时间", "审核决定"],
            queue.Document.QuerySelectorAll("main thead th").Select(th => th.TextContent.Trim()).ToList());
        var row = queue.Document.QuerySelector("main button[aria-label='通过 Zhou Approve']")?.Closest("tr");
        Assert.NotNull(row);
        Assert.Matches("^剩余 \\d+ (天 \\d+ 小时|小时 \\d+ 分钟)$", Collapse(row.QuerySelector("[data-testid='time-left']")?.TextContent));
        Assert.Equal($"通过 {Northwind} 对 Zhou Approve 的预注册？", row.QuerySelector("form[data-confirm]")?.GetAttribute("data-confirm"));
        Assert.Contains(row.QuerySelectorAll("a"), a => a.TextContent.Trim() == "驳回");
        Assert.Contains(row.QuerySelectorAll("a"), a => a.TextContent.Trim() == "退回合作伙伴");

        using var approved = await em.SubmitAsync(queue, queue.FormOfButton("通过 Zhou Approve"));
        var afterApproval = await AfterAsync(em, approved, "/Ecosystem/Reviews");
        Assert.Equal(["已通过：Zhou Approve 已预注册，有效期 15 天，已通知合作伙伴。"], afterApproval.Alerts("success"));

        var returnForm = await em.GetPageAsync(Href(afterApproval, "退回合作伙伴：Zhou Return"));
        Assert.Equal("退回合作伙伴", returnForm.Heading);
        Assert.Equal("需修改的字段", returnForm.Document.QuerySelector("main legend")?.TextContent.Trim());
        using var returned = await em.SubmitAsync(returnForm, returnForm.FormOfButton("退回合作伙伴"), ("Comment", "请核对手机号码"), ("CorrectMobile", "true"));
        var afterReturn = await AfterAsync(em, returned, "/Ecosystem/Reviews");
        Assert.Equal(["已退回合作伙伴：在合作伙伴重新提交之前，Zhou Return 的状态为待修改。"], afterReturn.Alerts("success"));

        var reject = await em.GetPageAsync(Href(afterReturn, "驳回 Zhou Reject"));
        Assert.Equal("驳回预注册", reject.Heading);
        Assert.Equal("原因（合作伙伴可见）", reject.Document.QuerySelector("main label[for='Reason']")?.TextContent.Trim());
        using (var blank = await em.SubmitAsync(reject, reject.FormOfButton("驳回"), ("Reason", " ")))
        {
            Assert.Equal("请输入合作伙伴可见的原因。", (await HtmlPage.ReadAsync(blank)).FieldError("Reason"));
        }

        using var rejected = await em.SubmitAsync(reject, reject.FormOfButton("驳回"), ("Reason", "客户信息不完整"));
        var afterRejection = await AfterAsync(em, rejected, "/Ecosystem/Reviews");
        Assert.Equal(["已驳回：已将原因告知合作伙伴。"], afterRejection.Alerts("success"));

        var english = await SignInAsync(DemoUsers.EcosystemManager);
        Assert.Equal("Manual reviews", (await english.GetPageAsync("/Ecosystem/Reviews")).Heading);
    }

    private static string Href(HtmlPage page, string ariaLabel) =>
        page.Document.QuerySelector($"main a[aria-label='{ariaLabel}']")?.GetAttribute("href")
        ?? throw new InvalidOperationException($"No link '{ariaLabel}' on {page}");
}
