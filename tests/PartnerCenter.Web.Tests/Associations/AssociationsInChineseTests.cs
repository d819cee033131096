using static PartnerCenter.Web.Tests.Associations.AssociationKit;

namespace PartnerCenter.Web.Tests.Associations;

/// <summary>The customer's invitation landing (register, consent, Decline) and the partner's History Records in Simplified Chinese.</summary>
public sealed class AssociationsInChineseTests(TestApp app) : AppTest<TestApp>(app)
{
    [Fact]
    public async Task The_landing_register_and_associate_pages_speak_the_readers_Chinese()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var id = await PreregisterAsync(App, sales, "Zhang Wei", NewEmail("zhangwei"));
        var token = await CreateLinkAsync(sales, id);
        var customer = NewClient();
        customer.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9,en;q=0.5");

        var landing = await customer.GetPageAsync($"/invite/{token}");
        landing.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Northwind Cloud 邀请您成为其客户", landing.Heading);
        Assert.Contains("关联类型：转售。", landing.MainText, StringComparison.Ordinal);
        Assert.Contains("今后解除关联需经 Northwind Cloud 同意。", landing.MainText, StringComparison.Ordinal);
        Assert.Equal($"/invite/{token}/register", landing.LinkHref("注册"));
        Assert.Equal("拒绝邀请", landing.Document.QuerySelector("form[action$='/decline'] button")?.TextContent.Trim());

        var register = await customer.GetPageAsync(landing.LinkHref("注册")!);
        Assert.Equal("注册以接受 Northwind Cloud 的邀请", register.Heading);
        using (var mismatch = await customer.SubmitAsync(register, register.FormOfButton("注册"),
                   ("FullName", "Zhang Wei"), ("Password", CustomerPassword), ("ConfirmPassword", CustomerPassword + "x")))
        {
            Assert.Equal("两次输入的密码不一致。", (await HtmlPage.ReadAsync(mismatch)).FieldError("ConfirmPassword"));
        }

        using var registered = await customer.SubmitAsync(register, register.FormOfButton("注册"),
            ("FullName", "Zhang Wei"), ("Password", CustomerPassword), ("ConfirmPassword", CustomerPassword));
        var signedIn = await customer.FollowAsync(registered);
        Assert.Equal(["您的账号已创建，请在下方确认关联。"], signedIn.Alerts("success"));
        using (var unticked = await customer.SubmitAsync(signedIn, signedIn.FormOfButton("关联")))
        {
            // The refusal itself is the domain's (ConsentRequired); the page around it stays Chinese.
            var again = await HtmlPage.ReadAsync(unticked);
            Assert.Equal("Northwind Cloud 邀请您成为其客户", again.Heading);
            Assert.NotNull(again.FieldError("Consent"));
        }

        using var associated = await customer.SubmitAsync(signedIn, signedIn.FormOfButton("关联"), ("Consent", "true"));
        var done = await HtmlPage.ReadAsync(associated);
        Assert.Equal("您已成为 Northwind Cloud 的客户", done.Heading);
    }

    [Fact]
    public async Task Declining_in_Chinese_says_so_in_Chinese_and_the_partners_History_Records_are_Chinese_too()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var id = await PreregisterAsync(App, sales, "Liu Yang", NewEmail("liuyang"));
        var token = await CreateLinkAsync(sales, id);
        var customer = NewClient();
        customer.ReadingChinese();

        var landing = await customer.GetPageAsync($"/invite/{token}");
        using var declined = await customer.SubmitAsync(landing, landing.FormOfButton("拒绝邀请"), ("Reason", "暂时不需要"));
        var page = await HtmlPage.ReadAsync(declined);
        Assert.Equal("已拒绝邀请", page.Heading);
        Assert.Contains("您已拒绝 Northwind Cloud 的邀请", page.MainText, StringComparison.Ordinal);
        var again = await customer.GetPageAsync($"/invite/{token}");
        Assert.Equal("此邀请无法使用", again.Heading);

        sales.ReadingChinese();
        var history = await sales.GetPageAsync("/CustomerDevelopment/History");
        Assert.Equal("客户拓展", history.Heading);
        Assert.Equal("历史记录", history.Document.QuerySelector("main .nav-tabs a.active")?.TextContent.Trim());
        Assert.Equal("筛选", history.Document.QuerySelector("main form button")?.TextContent.Trim());

        var english = NewClient();
        Assert.Equal("This invitation cannot be used", (await english.GetPageAsync($"/invite/{token}")).Heading);
    }
}
