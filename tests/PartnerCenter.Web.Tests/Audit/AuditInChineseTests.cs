using PartnerCenter.Web.Tests.Associations;
using PartnerCenter.Web.Tests.Customers;

namespace PartnerCenter.Web.Tests.Audit;

/// <summary>The audit trail and the reveals of personal data in Simplified Chinese (issue 19); the event codes stay as they are.</summary>
public sealed class AuditInChineseTests(TestApp app) : AppTest<TestApp>(app)
{
    [Fact]
    public async Task A_Chinese_reader_reads_the_trail_and_the_reveals_in_Chinese_an_English_one_in_English()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var id = await AssociationKit.PreregisterAsync(App, sales, "Trail Chinese", AssociationKit.NewEmail("trailzh"));
        var list = await sales.GetPageAsync("/CustomerDevelopment");
        (await sales.ToggleAsync(list, MaskedColumn.Email, show: true)).Dispose();

        var admin = (await SignInAsync(DemoUsers.NorthwindAdmin)).ReadingChinese();
        var trail = (await admin.GetPageAsync($"/Audit/Preregistration/{id}")).AssertStatus(HttpStatusCode.OK);
        trail.AssertChinese("every state change", "Reveals of personal data");
        Assert.Equal("审计日志", trail.Heading);
        Assert.Equal(["时间", "操作人", "事件", "变更前", "变更后"], trail.Document.QuerySelectorAll("main thead th").Select(th => th.TextContent.Trim()));
        Assert.Contains(trail.Document.QuerySelectorAll("main tbody td"), td => td.TextContent.Trim() == "PreregistrationSubmitted");

        var reveals = (await admin.GetPageAsync("/Audit/Reveals")).AssertStatus(HttpStatusCode.OK);
        reveals.AssertChinese("Customer Development", "Column revealed");
        Assert.Equal("个人数据查看记录", reveals.Heading);
        var row = reveals.Document.QuerySelector("main tbody tr")!.TextContent;
        Assert.Contains("客户拓展", row, StringComparison.Ordinal);
        Assert.Contains("邮箱", row, StringComparison.Ordinal);

        var english = await (await SignInAsync(DemoUsers.NorthwindAdmin)).GetPageAsync("/Audit/Reveals");
        Assert.Equal("Reveals of personal data", english.Heading);
        Assert.Contains("Customer Development", english.Document.QuerySelector("main tbody tr")!.TextContent, StringComparison.Ordinal);
    }
}
