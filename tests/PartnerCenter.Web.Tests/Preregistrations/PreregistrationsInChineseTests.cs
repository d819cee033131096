using static PartnerCenter.Web.Tests.Preregistrations.PreregistrationKit;

namespace PartnerCenter.Web.Tests.Preregistrations;

/// <summary>Customer Development in Simplified Chinese for a reader whose browser asks for it, and still English without.</summary>
public sealed class PreregistrationsInChineseTests(TestApp app) : AppTest<TestApp>(app)
{
    [Fact]
    public async Task The_list_its_process_flowchart_and_the_form_speak_Chinese_and_so_does_the_message_after_preregistering()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        sales.ReadingChinese();

        var list = await sales.GetPageAsync(ListUrl);
        list.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("zh-CN", list.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("客户拓展", list.Heading);
        Assert.Equal("流程图", list.Document.QuerySelector("details.flowchart summary")?.TextContent.Trim());
        Assert.Contains("生态经理在 2 个工作日内做出决定", list.MainText, StringComparison.Ordinal);
        Assert.Contains("设置预算并解冻", list.MainText, StringComparison.Ordinal);
        Assert.Equal(["来自合作伙伴中心", "历史记录", "导入"], list.Document.QuerySelectorAll("main .nav-tabs a").Select(a => a.TextContent.Trim()).ToList());
        Assert.Contains("客户预注册", list.Document.QuerySelectorAll("main a.btn").Select(a => a.TextContent.Trim()).ToList());
        Assert.Equal("删除所选客户？其预注册及邀请链接将失效。", list.Document.QuerySelector("#batch button[data-confirm]")?.GetAttribute("data-confirm"));
        Assert.Contains("销售", list.Document.QuerySelector("nav[aria-label] .breadcrumb")?.TextContent, StringComparison.Ordinal);

        var form = await sales.GetPageAsync(FormUrl);
        Assert.Equal("客户预注册", form.Heading);
        Assert.Equal(["姓名", "邮箱", "手机号码"], form.Document.QuerySelectorAll("main label.form-label").Select(l => l.TextContent.Trim()).Take(3).ToList());
        using (var blank = await sales.SubmitAsync(form, form.FormOfButton("确定"), ("FullName", " "), ("Email", NewEmail()), ("Mobile", GermanMobile(1))))
        {
            var refused = await HtmlPage.ReadAsync(blank);
            Assert.Equal("请输入客户姓名。", refused.FieldError("FullName"));
        }

        var email = NewEmail();
        using var response = await sales.SubmitAsync(form, form.FormOfButton("确定"), ("FullName", "Wang Fang"), ("Email", email), ("Mobile", GermanMobile(2)));
        var after = await sales.FollowAsync(response);
        var success = Assert.Single(after.Alerts("success"));
        Assert.StartsWith("Wang Fang 已预注册，有效期至 ", success, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_language_preference_the_pages_stay_English()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);

        var list = await sales.GetPageAsync(ListUrl);
        Assert.Equal("en", list.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Customer Development", list.Heading);
        Assert.Equal("Process Flowchart", list.Document.QuerySelector("details.flowchart summary")?.TextContent.Trim());
        Assert.DoesNotContain("客户", list.MainText, StringComparison.Ordinal);
        var form = await sales.GetPageAsync(FormUrl);
        Assert.Equal("Preregister Customer", form.Heading);
    }

    private static string NewEmail() => Preregister.NewEmail("zh");
}
