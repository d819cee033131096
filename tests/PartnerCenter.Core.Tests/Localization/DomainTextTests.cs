using System.Globalization;
using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Mail;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Tests.Localization;

/// <summary>
/// The domain's texts (statuses, triggers, refusal causes, email subjects) are read in the current UI culture,
/// when they are read: an error made in one language reads in another. Codes stay English.
/// </summary>
public sealed class DomainTextTests : IDisposable
{
    private readonly (CultureInfo Culture, CultureInfo Ui) saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    [Fact]
    public void Statuses_and_triggers_read_in_the_readers_language_with_the_products_terms()
    {
        Use("zh-CN");
        Assert.Equal("待审核", PreregistrationStatus.PendingReview.Label());
        Assert.Equal("已预注册", PreregistrationStatus.Preregistered.Label());
        Assert.Equal("已关联", PreregistrationStatus.Associated.Label());
        Assert.Equal("客户属于平台在线销售团队", ReviewTrigger.OnlineSalesTeam.Label());
        Assert.Equal("姓名、手机号码", (ReturnFields.Name | ReturnFields.Mobile).Label());
        Use("en");
        Assert.Equal("Pending review", PreregistrationStatus.PendingReview.Label());
        Assert.Equal("Name, Mobile number", (ReturnFields.Name | ReturnFields.Mobile).Label());
    }

    [Fact]
    public void An_error_is_translated_when_it_is_read_with_its_placeholders_and_keeps_its_code()
    {
        Use("en");
        var error = PreregistrationErrors.CannotDelete(PreregistrationStatus.PendingReview);
        Assert.Equal("A record in status Pending review cannot be deleted.", error.Message);
        Use("zh-CN");
        Assert.Equal("状态为“待审核”的记录无法删除。", error.Message);
        Assert.Equal("cannot_delete", error.Code);
        Assert.Equal("您的预注册数量已达上限 100 个（待审核、已预注册、待修改、延期申请中）。请删除部分记录或等待其过期后再继续预注册。",
            PreregistrationErrors.CapReached.Message);
        Assert.Equal("该客户注册于中国站，无法预注册。 该客户已与其他合作伙伴关联。",
            Error.AllOf([PreregistrationErrors.ChineseMainland, PreregistrationErrors.AssociatedWithAnotherPartner]).Message);
        Assert.Equal("未找到预注册。", Error.NotFound("Preregistration").Message);
        Assert.StartsWith("您的账号注册于中国站", AssociationErrors.ForCustomer(PreregistrationErrors.ChineseMainland).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Email_subjects_follow_the_culture_they_are_rendered_in()
    {
        var email = new InvitationEmail("Northwind Cloud", "Wei Zhang", "https://example/invite/x", new DateTime(2031, 3, 29, 9, 30, 0, DateTimeKind.Utc));
        Use("zh-CN");
        Assert.Equal("Northwind Cloud 邀请您成为其客户", email.Subject);
        Use("en");
        Assert.Equal("Northwind Cloud invites you to become their customer", email.Subject);
    }

    [Fact]
    public async Task Languages_InAsync_sets_the_culture_for_the_work_and_restores_it()
    {
        Use("en");
        var inside = await Languages.InAsync("zh-CN", () => Task.FromResult(CultureInfo.CurrentUICulture.Name + "|" + PreregistrationStatus.Expired.Label()));
        Assert.Equal("zh-CN|已过期", inside);
        Assert.Equal("en", CultureInfo.CurrentUICulture.Name);
        Assert.Equal("en", await Languages.InAsync("fr", () => Task.FromResult(CultureInfo.CurrentUICulture.Name)));
    }

    private static void Use(string culture) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
}
