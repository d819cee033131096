
namespace PartnerCenter.Web.Tests.PartnerInformation;

/// <summary>Account Information in Simplified Chinese (issue 19): labels, breadcrumb, the form's message and the flash message.</summary>
public sealed class AccountInformationInChineseTests(TestApp app) : AppTest<TestApp>(app)
{
    private const string Url = "/PartnerInformation/AccountInformation";

    [Fact]
    public async Task A_Chinese_reader_gets_the_page_its_message_and_the_flash_in_Chinese()
    {
        var admin = (await SignInAsync(DemoUsers.NorthwindAdmin)).ReadingChinese();

        var page = (await admin.GetPageAsync(Url)).AssertStatus(HttpStatusCode.OK);
        page.AssertChinese("Contact email address", "International format", "Only your partner admin");
        Assert.Equal("账号信息", page.Heading);
        Assert.Equal("联系邮箱", page.Document.QuerySelector("label[for='ReservedEmail']")!.TextContent.Trim());
        Assert.Equal(["合作伙伴信息", "基本信息", "账号信息"], page.Document.QuerySelectorAll(".breadcrumb-item").Select(li => li.TextContent.Trim()));
        var email = page.InputValue("ReservedEmail");
        var mobile = page.InputValue("ReservedMobile");

        using (var empty = await admin.SubmitAsync(page, page.FormOfButton("保存"), ("ReservedEmail", ""), ("ReservedMobile", " ")))
        {
            Assert.Contains("请至少预留联系邮箱或手机号码中的一项。", (await HtmlPage.ReadAsync(empty)).SummaryErrors);
        }

        using var saved = await admin.SubmitAsync(page, page.FormOfButton("保存"), ("ReservedEmail", email), ("ReservedMobile", mobile));
        Assert.Contains("账号信息已保存。", (await admin.FollowAsync(saved)).Alerts("success"));
    }

    [Fact]
    public async Task Without_a_language_asked_the_page_stays_English()
    {
        var admin = await SignInAsync(DemoUsers.NorthwindAdmin);

        var page = await admin.GetPageAsync(Url);

        Assert.Equal("Account Information", page.Heading);
        Assert.Equal("Contact email address", page.Document.QuerySelector("label[for='ReservedEmail']")!.TextContent.Trim());
        using var saved = await admin.SubmitAsync(page, page.FormOfButton("Save"), ("ReservedEmail", page.InputValue("ReservedEmail")), ("ReservedMobile", page.InputValue("ReservedMobile")));
        Assert.Contains("Account information saved.", (await admin.FollowAsync(saved)).Alerts("success"));
    }
}
