namespace PartnerCenter.Browser.Tests;

/// <summary>
/// Issue 19 in the browser: the management pages (Customers, Users, Account Information, API keys, Webhooks, Import,
/// Audit, Outbox, My Partner) read in Simplified Chinese once the reader's language is chosen, and stay clean for
/// axe-core and the Nu HTML checker in that language too. Screenshots: <c>zh-CN-*.png</c>.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ManagementPagesInChineseTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task A_partner_admin_reads_the_management_pages_in_Chinese_and_they_pass_axe_and_vnu()
    {
        await SignInAsync(DemoUsers.NorthwindAdmin);
        await ReadChineseAsync();

        await CheckAsync("/Customers", "客户管理", "customers");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "设置预算", Exact = true })).ToBeVisibleAsync();
        await CheckAsync("/Users", "用户管理", "users");
        await CheckAsync("/PartnerInformation/AccountInformation", "账号信息", "account-information");
        await Expect(Page.GetByLabel("联系邮箱")).ToBeVisibleAsync();
        await CheckAsync("/PartnerInformation/ApiKeys", "API 密钥", "api-keys");
        await CheckAsync("/PartnerInformation/Webhooks", "Webhook", "webhooks");
        await CheckAsync("/CustomerDevelopment/Import", "导入客户", "import");
        await CheckAsync("/Audit/Reveals", "个人数据查看记录", "audit-reveals");
        await AssertValidHtmlAsync();
    }

    [Fact]
    public async Task The_platform_administrator_and_a_customer_read_their_pages_in_Chinese()
    {
        await SignInAsync(DemoUsers.Operator);
        await ReadChineseAsync();
        await CheckAsync("/Outbox", "发件箱", "outbox");
        await SignOutOfChineseAsync();

        await SignInAsync(DemoUsers.Customer);
        await ReadChineseAsync();
        await CheckAsync("/MyPartner", "我的合作伙伴", "my-partner");
        await AssertValidHtmlAsync();
    }

    private readonly List<string> htmlFiles = [];
    private readonly List<string> axeFindings = [];

    /// <summary>Opens a page, checks its Chinese heading and <c>lang</c>, runs axe, keeps the HTML for vnu and a screenshot.</summary>
    private async Task CheckAsync(string path, string heading, string name)
    {
        var response = await GoToAsync(path);
        Assert.Equal(200, response!.Status);
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1, Exact = true })).ToBeVisibleAsync();
        axeFindings.AddRange((await PageCheckers.AxeAsync(Page)).Select(f => $"{path}: {f}"));
        var file = Path.Combine(TestOutput.Folder("html"), $"zh-CN-{name}.html");
        await File.WriteAllTextAsync(file, await response.TextAsync());
        htmlFiles.Add(file);
        await ScreenshotAsync("zh-CN-" + name);
    }

    private async Task AssertValidHtmlAsync()
    {
        Assert.True(axeFindings.Count == 0, string.Join(Environment.NewLine, axeFindings));
        var invalid = (await PageCheckers.VnuAsync(htmlFiles)).Where(kv => kv.Value.Count > 0)
            .Select(kv => $"{Path.GetFileName(kv.Key)}: {string.Join("; ", kv.Value)}").ToList();
        Assert.True(invalid.Count == 0, string.Join(Environment.NewLine, invalid));
    }

    /// <summary>Signs out with the culture cookie dropped first, so the sign-in steps find their English labels.</summary>
    private async Task SignOutOfChineseAsync()
    {
        await Context.ClearCookiesAsync(new() { Name = ".AspNetCore.Culture" });
        await GoToAsync("/");
        await SignOutAsync();
    }
}
