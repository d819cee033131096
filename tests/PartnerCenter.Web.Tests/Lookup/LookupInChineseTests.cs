namespace PartnerCenter.Web.Tests.Lookup;

/// <summary>The ecosystem manager's customer status lookup in Simplified Chinese.</summary>
public sealed class LookupInChineseTests(TestApp app) : AppTest<TestApp>(app)
{
    [Fact]
    public async Task The_lookup_form_its_answers_and_its_input_error_are_Chinese()
    {
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        em.ReadingChinese();

        var empty = await em.GetPageAsync("/Ecosystem/Lookup");
        Assert.Equal("客户状态查询", empty.Heading);
        Assert.Equal("查询", empty.Document.QuerySelector("main form button")?.TextContent.Trim());
        Assert.Equal("客户邮箱", empty.Document.QuerySelector("main label[for='email']")?.TextContent.Trim());

        var fresh = await em.GetPageAsync($"/Ecosystem/Lookup?email={Uri.EscapeDataString(Preregister.NewEmail("fresh"))}");
        var result = fresh.Document.QuerySelector("[data-testid='lookup-result']")!.TextContent;
        Assert.Contains("当前可预注册", result, StringComparison.Ordinal);
        Assert.Contains("该邮箱没有平台账号", result, StringComparison.Ordinal);

        var held = await em.GetPageAsync($"/Ecosystem/Lookup?email={Uri.EscapeDataString(Anna)}");
        Assert.Contains($"持有方：{Northwind}（", held.MainText, StringComparison.Ordinal);

        var invalid = await em.GetPageAsync("/Ecosystem/Lookup?email=not-an-email");
        Assert.Equal("请输入有效的邮箱地址，例如 name@example.com。", invalid.FieldError("email"));

        var english = await SignInAsync(DemoUsers.EcosystemManager);
        Assert.Equal("Customer status lookup", (await english.GetPageAsync("/Ecosystem/Lookup")).Heading);
    }
}
