namespace PartnerCenter.Web.Tests.Dashboard;

/// <summary>The ecosystem manager's dashboard in Simplified Chinese.</summary>
public sealed class DashboardInChineseTests(TestApp app) : AppTest<TestApp>(app)
{
    [Fact]
    public async Task The_dashboard_its_summaries_and_its_chart_labels_are_Chinese()
    {
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        em.ReadingChinese();

        var page = await em.GetPageAsync("/Ecosystem");
        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("仪表板", page.Heading);
        var northwind = page.Document.QuerySelectorAll("main section").Single(s => s.QuerySelector("h2")?.TextContent.Trim() == Northwind);
        Assert.Contains("今日到期审核：", northwind.TextContent, StringComparison.Ordinal);
        Assert.Matches("（\\d+ 个邀请中 \\d+ 个已关联）", northwind.TextContent);
        Assert.Equal($"{Northwind} 各状态的预注册数量", northwind.QuerySelector("svg")?.GetAttribute("aria-label"));

        var english = await SignInAsync(DemoUsers.EcosystemManager);
        Assert.Equal("Dashboard", (await english.GetPageAsync("/Ecosystem")).Heading);
    }
}
