namespace PartnerCenter.Web.Tests.Tickets;

/// <summary>Background Association in Simplified Chinese: the partner's request and the ecosystem manager's tickets.</summary>
public sealed class TicketsInChineseTests(TestApp app) : AppTest<TestApp>(app)
{
    [Fact]
    public async Task Requesting_and_declining_a_background_association_reads_Chinese_on_both_sides()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var id = await sales.PreregisterOrThrowAsync(App, "Sun Li", Preregister.NewEmail("sunli"));
        sales.ReadingChinese();

        var form = await sales.GetPageAsync($"/CustomerDevelopment/BackgroundAssociation/{id}");
        form.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("申请后台关联", form.Heading);
        Assert.Equal(["原因", "联系人"], form.Document.QuerySelectorAll("main label").Select(l => l.TextContent.Trim()).ToList());
        using (var blank = await sales.SubmitAsync(form, form.FormOfButton("提交"), ("Reason", ""), ("Contact", "")))
        {
            var refused = await HtmlPage.ReadAsync(blank);
            Assert.Equal("请输入申请原因。", refused.FieldError("Reason"));
            Assert.Equal("请输入供生态经理联系的联系人（姓名及电话或邮箱）。", refused.FieldError("Contact"));
        }

        using var requested = await sales.SubmitAsync(form, form.FormOfButton("提交"), ("Reason", "生产环境不能中断"), ("Contact", "Sam, +49 30 1234567"));
        var list = await sales.FollowAsync(requested);
        Assert.Equal(["后台关联申请已提交，生态经理将进行处理。"], list.Alerts("success"));

        var em = await SignInAsync(DemoUsers.EcosystemManager);
        em.ReadingChinese();
        var tickets = await em.GetPageAsync("/Ecosystem/Tickets");
        Assert.Equal("后台关联工单", tickets.Heading);
        var row = tickets.Document.QuerySelector("main button[aria-label='处理 Sun Li 的工单']")?.Closest("tr");
        Assert.NotNull(row);
        Assert.Equal("待处理", row.QuerySelector(".badge")?.TextContent.Trim());
        Assert.Equal($"在后台将 Sun Li 关联到 {Northwind}？", row.QuerySelector("form[data-confirm]")?.GetAttribute("data-confirm"));
        var decline = await em.GetPageAsync(row.QuerySelector("a[aria-label='驳回 Sun Li 的工单']")!.GetAttribute("href")!);
        Assert.Equal("驳回后台关联申请", decline.Heading);
        using var declined = await em.SubmitAsync(decline, decline.FormOfButton("驳回"), ("Reason", "请先完成邀请"));
        var after = await em.FollowAsync(declined);
        Assert.Equal(["工单已驳回，合作伙伴可看到您填写的原因。"], after.Alerts("success"));

        var mine = await sales.GetPageAsync("/CustomerDevelopment?q=Sun%20Li");
        Assert.Contains("后台关联：已驳回（请先完成邀请）", mine.MainText, StringComparison.Ordinal);

        var english = await SignInAsync(DemoUsers.EcosystemManager);
        Assert.Equal("Background association tickets", (await english.GetPageAsync("/Ecosystem/Tickets")).Heading);
    }
}
