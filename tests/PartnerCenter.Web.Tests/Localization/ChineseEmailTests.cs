using System.Text.RegularExpressions;
using MimeKit;
using PartnerCenter.Web.Tests.Invitations;
using static PartnerCenter.Web.Tests.Invitations.InvitationSteps;

namespace PartnerCenter.Web.Tests.Localization;

/// <summary>Emails go out in the recipient's language: the customer's invitation in the language the partner chose.</summary>
public sealed partial class ChineseEmailTests(SmtpApp fixture) : IClassFixture<SmtpApp>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task An_invitation_sent_in_Chinese_arrives_with_a_Chinese_subject_html_and_text_while_the_partner_reads_English()
    {
        using var sales = await App.SignedInClientAsync(DemoUsers.NorthwindSales);
        var id = Assert.Single(await App.AddPreregisteredAsync(NorthwindName, "zhmail", 1));

        // The Invite dialog offers the language, defaulting to the partner user's own (English here).
        using var dialog = await sales.PostFormAsync("/Invitations/Confirm", ("ids", id.ToString()), ("returnUrl", "/CustomerDevelopment"));
        var dialogPage = await HtmlPage.ReadAsync(dialog);
        Assert.Equal("en", dialogPage.Document.QuerySelector("select[name='language'] option[selected]")?.GetAttribute("value"));
        Assert.Equal("简体中文", dialogPage.Document.QuerySelector("select[name='language'] option[value='zh-CN']")?.TextContent.Trim());

        using var sent = await sales.PostFormAsync("/Invitations/Send", ("ids", id.ToString()), ("returnUrl", "/CustomerDevelopment"), ("language", "zh-CN"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var list = await sales.FollowAsync(sent);
        Assert.Equal("en", list.Document.DocumentElement.GetAttribute("lang"));

        var outbox = Assert.Single(await App.OutboxForAsync("zhmail001@prospects.example"));
        var mail = Assert.Single(await fixture.Smtp.WaitForMessagesAsync(1, m => m.MessageId == MessageIdOf(outbox)));
        Assert.Equal("Northwind Cloud 邀请您成为其客户", mail.Subject);
        var text = mail.TextBody ?? "";
        var html = WebUtility.HtmlDecode(mail.HtmlBody ?? "");
        Assert.Contains("Zhmail Customer001，您好：", text, StringComparison.Ordinal);
        Assert.Contains("Northwind Cloud 邀请您成为其客户，关联类型为分销。", text, StringComparison.Ordinal);
        Assert.Contains("<strong>Northwind Cloud</strong> 邀请您成为其客户", html, StringComparison.Ordinal);
        Assert.Contains("接受邀请", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);

        // Nothing English is left but the names, the link, the brand and the zone's "UTC".
        foreach (var body in new[] { text, Tags().Replace(html, " ") })
        {
            var rest = InviteLinksIn(body).Aggregate(body, (b, link) => b.Replace(link, "", StringComparison.Ordinal))
                .Replace("Northwind Cloud", "", StringComparison.Ordinal).Replace("Zhmail Customer001", "", StringComparison.Ordinal)
                .Replace("Partner Center", "", StringComparison.Ordinal);
            var english = EnglishWords().Matches(rest).Select(m => m.Value).Where(w => w != "UTC").ToList();
            Assert.True(english.Count == 0, "Still English: " + string.Join(", ", english));
        }
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex EnglishWords();
}
