using System.Text.RegularExpressions;

namespace PartnerCenter.Browser.Tests;

/// <summary>
/// Customer Development and the ecosystem manager's pages in Simplified Chinese, as a reader who chose the
/// language (the culture cookie) sees them: Chinese headings and buttons, the copy button's message from the
/// page, and axe still clean. Screenshots: test-output/screenshots/zh-*.png.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CustomerDevelopmentInChineseTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task The_partners_list_flowchart_form_and_link_page_read_Chinese()
    {
        await SignInAsync(DemoUsers.NorthwindSales);
        await ReadChineseAsync();
        await Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = Portal.BaseUrl });

        await GoToAsync("/CustomerDevelopment");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "客户拓展", Level = 1 })).ToBeVisibleAsync();
        await Page.GetByText("流程图", new() { Exact = true }).ClickAsync();
        await Expect(Page.GetByText("设置预算并解冻", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Page.Link("客户预注册")).ToBeVisibleAsync();
        await ScreenshotAsync("zh-customer-development");
        Assert.Empty(await PageCheckers.AxeAsync(Page));

        await Page.Link("客户预注册").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "客户预注册", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("姓名", new() { Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync("zh-preregister");
        Assert.Empty(await PageCheckers.AxeAsync(Page));

        // Jonas Weber is a seeded Preregistered record of Northwind.
        await GoToAsync("/CustomerDevelopment");
        await Page.Link("J*** W*** 的邀请链接/二维码").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "链接/二维码", Level = 1 })).ToBeVisibleAsync();
        string? asked = null;
        void Accept(object? sender, IDialog dialog)
        {
            asked = dialog.Message;
            _ = dialog.AcceptAsync();
        }

        Page.Dialog += Accept;
        await Page.Button("生成新链接").ClickAsync();
        await Expect(Page.SuccessMessage()).ToContainTextAsync("已生成新链接。");
        Page.Dialog -= Accept;
        Assert.StartsWith("为 J*** W*** 生成新的邀请链接？", asked, StringComparison.Ordinal);
        await Page.Button("复制").ClickAsync();
        await Expect(Page.Locator("[data-copy-status]")).ToHaveTextAsync("链接已复制到剪贴板。");
        await ScreenshotAsync("zh-link-qr");

        // The page at rest, as the crawl checks every page: not the Copy button's hover colours under the pointer.
        await Page.Mouse.MoveAsync(0, 0);
        await Page.EvaluateAsync("() => document.activeElement?.blur()");
        var findings = await PageCheckers.AxeAsync(Page);
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public async Task The_ecosystem_managers_queue_tickets_lookup_and_dashboard_read_Chinese()
    {
        await SignInAsync(DemoUsers.EcosystemManager);
        await ReadChineseAsync();

        foreach (var (path, heading, shot) in new[]
                 {
                     ("/Ecosystem/Reviews", "人工审核", "zh-reviews"),
                     ("/Ecosystem/Tickets", "后台关联工单", "zh-tickets"),
                     ("/Ecosystem/Lookup?email=pedro.silva%40prospects.example", "客户状态查询", "zh-lookup"),
                     ("/Ecosystem", "仪表板", "zh-dashboard"),
                 })
        {
            await GoToAsync(path);
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            await ScreenshotAsync(shot);
            Assert.Empty(await PageCheckers.AxeAsync(Page));
        }

        // The seeded Pending review (Pedro Silva) at least: every decision button of the queue is Chinese.
        await GoToAsync("/Ecosystem/Reviews");
        await Expect(Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^通过 ") }).First).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^驳回 ") }).First).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Approve ") })).ToHaveCountAsync(0);
    }
}
