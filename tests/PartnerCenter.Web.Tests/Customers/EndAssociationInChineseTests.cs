using PartnerCenter.Web.Tests.Associations;
using static PartnerCenter.Web.Tests.Associations.AssociationKit;

namespace PartnerCenter.Web.Tests.Customers;

/// <summary>My Partner (the customer's side) and the partner's answer to a request to end the association, in Simplified Chinese.</summary>
public sealed class EndAssociationInChineseTests(FakeClockApp app) : AppTest<FakeClockApp>(app)
{
    [Fact]
    public async Task The_customer_asks_in_Chinese_and_the_partner_declines_in_Chinese()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        using var customer = await InvitedCustomerAsync(App, sales, "Wang Fang");
        using (var associated = await AssociateAsync(customer.Client, customer.Token))
        {
            await associated.AssertStatusAsync(HttpStatusCode.OK);
        }

        // English first: nothing asked, nothing translated.
        var english = await customer.Client.GetPageAsync("/MyPartner");
        Assert.Equal("My Partner", english.Heading);
        english.FormOfButton("Ask to end the association");

        customer.Client.ReadingChinese();
        var mine = (await customer.Client.GetPageAsync("/MyPartner")).AssertStatus(HttpStatusCode.OK);
        mine.AssertChinese("Association type", "Reseller", "Frozen", "Ask to end the association");
        Assert.Equal("我的合作伙伴", mine.Heading);
        Assert.Contains("已冻结", mine.MainText, StringComparison.Ordinal);
        var form = mine.FormOfButton("申请解除关联");
        Assert.StartsWith("确定向 ", form.GetAttribute("data-confirm"), StringComparison.Ordinal);

        using (var blank = await customer.Client.SubmitAsync(mine, form, ("Reason", " ")))
        {
            Assert.Contains("请输入原因。", (await HtmlPage.ReadAsync(blank)).MainText, StringComparison.Ordinal);
        }

        using (var asked = await customer.Client.SubmitAsync(mine, form, ("Reason", "我们改为直接签约。")))
        {
            var page = await customer.Client.FollowAsync(asked);
            Assert.Contains(page.Alerts("success"), a => a.StartsWith("解除关联申请已提交。合作伙伴将在 ", StringComparison.Ordinal));
            Assert.Contains("申请解除关联（“我们改为直接签约。”）", page.MainText, StringComparison.Ordinal);
        }

        sales.ReadingChinese();
        var customers = (await sales.GetPageAsync("/Customers")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("解除关联申请", customers.Document.QuerySelector("#end-requests")!.TextContent.Trim());
        var decline = customers.Document.QuerySelectorAll("[data-testid='end-requests'] a")
            .Single(a => a.GetAttribute("aria-label")!.StartsWith("拒绝 ", StringComparison.Ordinal)).GetAttribute("href")!;
        var declinePage = (await sales.GetPageAsync(decline)).AssertStatus(HttpStatusCode.OK);
        Assert.StartsWith("拒绝 ", declinePage.Heading, StringComparison.Ordinal);
        using var declined = await sales.SubmitAsync(declinePage, declinePage.FormOfButton("拒绝"), ("Reason", "合同期内无法解除。"));
        var after = await sales.FollowAsync(declined);
        Assert.Contains(after.Alerts("success"), a => a.StartsWith("您已拒绝 ", StringComparison.Ordinal) && a.EndsWith("拒绝原因已通过邮件发送给客户。", StringComparison.Ordinal));
    }
}
