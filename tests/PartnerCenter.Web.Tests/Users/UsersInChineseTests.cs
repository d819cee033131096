
namespace PartnerCenter.Web.Tests.Users;

/// <summary>The Users page in Simplified Chinese (issue 19): roles, badges, buttons, confirmation and the flash message.</summary>
public sealed class UsersInChineseTests(TestApp app) : AppTest<TestApp>(app)
{
    [Fact]
    public async Task A_Chinese_reader_grants_and_withdraws_in_Chinese_and_an_English_one_reads_English()
    {
        var admin = (await SignInAsync(DemoUsers.NorthwindAdmin)).ReadingChinese();

        var users = (await admin.GetPageAsync("/Users")).AssertStatus(HttpStatusCode.OK);
        users.AssertChinese("Partner admin", "Always granted", "Not granted", "Operation");
        Assert.Equal("用户管理", users.Heading);
        Assert.Contains("合作伙伴管理员", users.MainText, StringComparison.Ordinal);
        var grant = users.FormOfButton("为 Ian Intern 授予客户拓展权限");
        Assert.Equal("确定为 Ian Intern 授予客户拓展权限吗？", grant.GetAttribute("data-confirm"));

        using var granted = await admin.SubmitAsync(users, grant);
        var afterGrant = await admin.FollowAsync(granted);
        Assert.Contains("已为 Ian Intern 授予客户拓展权限。", afterGrant.Alerts("success"));

        var english = await SignInAsync(DemoUsers.NorthwindAdmin);
        var page = await english.GetPageAsync("/Users");
        Assert.Equal("Users", page.Heading);
        using var withdrawn = await english.SubmitAsync(page, page.FormOfButton("Withdraw Customer Development for Ian Intern"));
        Assert.Contains("Customer Development withdrawn from Ian Intern.", (await english.FollowAsync(withdrawn)).Alerts("success"));
    }
}
