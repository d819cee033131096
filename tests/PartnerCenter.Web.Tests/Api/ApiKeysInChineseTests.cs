
namespace PartnerCenter.Web.Tests.Api;

/// <summary>Partner Information &gt; API keys in Simplified Chinese (issue 19); the scopes and the key stay as they are.</summary>
public sealed class ApiKeysInChineseTests(ApiApp app) : IClassFixture<ApiApp>
{
    private const string Page = "/PartnerInformation/ApiKeys";

    [Fact]
    public async Task A_Chinese_reader_creates_and_revokes_a_key_in_Chinese()
    {
        using var admin = (await app.SignedInBrowserAsync(DemoUsers.NorthwindAdmin)).ReadingChinese();
        var page = (await admin.GetPageAsync(Page)).AssertStatus(HttpStatusCode.OK);
        page.AssertChinese("Create an API key", "Expires on", "Your API keys");
        Assert.Equal("API 密钥", page.Heading);
        Assert.Equal(["合作伙伴信息", "API 密钥"], page.Document.QuerySelectorAll(".breadcrumb-item").Select(li => li.TextContent.Trim()));
        page.FormOfButton("创建 API 密钥");
        Assert.NotNull(page.Document.QuerySelector("label[for='scope-customers-read']"));

        var name = "CRM " + Guid.NewGuid().ToString("N")[..6];
        using var created = await admin.PostFormWithTokenAsync("/PartnerInformation/CreateApiKey", page.AntiforgeryToken!,
            ("Name", name), ("Scopes", "customers:read"), ("ExpiresOn", ""));
        var shown = await HtmlPage.ReadAsync(created);
        Assert.Contains($"API 密钥 {name} 已创建。请立即复制：密钥仅显示一次。", shown.Alerts("success"));
        Assert.Equal($"新的 API 密钥：{name}", shown.Document.QuerySelector("#new-key-heading")!.TextContent.Trim());
        var row = shown.Document.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal));
        Assert.Contains("有效", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("从不", row.TextContent, StringComparison.Ordinal);

        var revoke = shown.FormOfButton($"撤销 {name}");
        Assert.Equal($"确定撤销 API 密钥 {name} 吗？此后使用该密钥的请求将被拒绝。", revoke.QuerySelector("button")!.GetAttribute("data-confirm"));
        using var revoked = await admin.SubmitAsync(shown, revoke);
        var after = await admin.FollowAsync(revoked);
        Assert.Contains(after.Alerts("success"), a => a.StartsWith($"API 密钥 {name}（pc_live_", StringComparison.Ordinal) && a.EndsWith("…）已撤销。此后使用该密钥的请求将被拒绝。", StringComparison.Ordinal));

        using var english = await app.SignedInBrowserAsync(DemoUsers.NorthwindAdmin);
        var englishPage = await english.GetPageAsync(Page);
        Assert.Equal("API keys", englishPage.Heading);
        Assert.Contains("Revoked", englishPage.Document.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
    }
}
