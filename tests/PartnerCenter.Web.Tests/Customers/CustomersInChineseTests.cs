using PartnerCenter.Core.Customers;

namespace PartnerCenter.Web.Tests.Customers;

/// <summary>Customers, Set Budget, Freeze/Unfreeze and Adjustment records in Simplified Chinese (issue 19), English without a language asked.</summary>
public sealed class CustomersInChineseTests(TestApp app) : AppTest<TestApp>(app)
{
    private async Task<(int Id, string Tag)> FrozenCustomerAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = await App.AddCustomerAsync(Contoso, $"Zhao{tag} Lei", $"zhao-{tag}@customers.example", App.Now.AddHours(-1), frozen: true);
        return (id, tag);
    }

    [Fact]
    public async Task The_list_the_forms_their_messages_and_the_flash_after_unfreezing_are_Chinese_for_a_Chinese_reader()
    {
        var (id, tag) = await FrozenCustomerAsync();
        var admin = (await SignInAsync(DemoUsers.ContosoAdmin)).ReadingChinese();

        var list = (await admin.GetPageAsync($"/Customers?q=Zhao{tag}")).AssertStatus(HttpStatusCode.OK);
        list.AssertChinese("Set Budget", "Adjustment records", "Not frozen", "Associated on");
        Assert.Equal("客户管理", list.Heading);
        Assert.Contains("已冻结", list.MainText, StringComparison.Ordinal);
        Assert.Contains("1 个客户", list.MainText, StringComparison.Ordinal);
        list.FormOfButton("设置预算");
        Assert.Equal("导出", list.Document.QuerySelector("main a[download]")!.TextContent.Trim());
        Assert.NotNull(list.Document.QuerySelector("#budget-reset"));

        // Set Budget: its labels and its validation messages.
        using (var refused = await admin.PostFormAsync("/Customers/SetBudget", ("Ids", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Type", "Monthly"), ("Amount", "0")))
        {
            var page = await HtmlPage.ReadAsync(refused);
            Assert.Equal("设置预算", page.Heading);
            Assert.Contains("金额必须大于 0。", page.MainText, StringComparison.Ordinal);
            page.FormOfButton("确定");
        }

        // Unfreeze: the form, the reason's message, the flash message.
        var freeze = (await admin.GetPageAsync($"/Customers/Freeze/{id}")).AssertStatus(HttpStatusCode.OK);
        Assert.StartsWith("解冻 ", freeze.Heading, StringComparison.Ordinal);
        var form = freeze.FormOfButton("解冻");
        Assert.Equal("确定解冻该客户的账号吗？", form.GetAttribute("data-confirm"));
        using (var blank = await admin.SubmitAsync(freeze, form, ("Reason", " ")))
        {
            Assert.Contains("请输入原因。", (await HtmlPage.ReadAsync(blank)).MainText, StringComparison.Ordinal);
        }

        using var unfrozen = await admin.SubmitAsync(freeze, form, ("Reason", "预算已确认"));
        var after = await admin.FollowAsync(unfrozen);
        Assert.Contains(after.Alerts("success"), a => a.EndsWith("已解冻。", StringComparison.Ordinal));
        Assert.Equal(id, (await App.WithDbAsync(db => db.CustomerAccounts.SingleAsync(a => a.Id == id && !a.IsFrozen))).Id);

        var records = (await admin.GetPageAsync($"/Customers/Adjustments/{id}")).AssertStatus(HttpStatusCode.OK);
        records.AssertChinese("Back to Customers", "Unfreeze");
        Assert.Equal("调整记录", records.Heading);
        Assert.Contains("解冻", records.Document.QuerySelector("main tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_language_asked_the_same_pages_stay_English()
    {
        var (id, tag) = await FrozenCustomerAsync();
        var admin = await SignInAsync(DemoUsers.ContosoAdmin);

        var list = await admin.GetPageAsync($"/Customers?q=Zhao{tag}");
        Assert.Equal("en", list.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Customers", list.Heading);
        Assert.Contains("1 customer", list.MainText, StringComparison.Ordinal);
        list.FormOfButton("Set Budget");

        var freeze = await admin.GetPageAsync($"/Customers/Freeze/{id}");
        using var unfrozen = await admin.SubmitAsync(freeze, freeze.FormOfButton("Unfreeze"), ("Reason", "Budget agreed"));
        var after = await admin.FollowAsync(unfrozen);
        Assert.Contains(after.Alerts("success"), a => a.EndsWith("is unfrozen.", StringComparison.Ordinal));
        Assert.Equal(AdjustmentKind.Unfreeze.ToString(), (await admin.GetPageAsync($"/Customers/Adjustments/{id}")).Document.QuerySelector("main tbody tr td:nth-child(3)")!.TextContent.Trim());
    }
}
