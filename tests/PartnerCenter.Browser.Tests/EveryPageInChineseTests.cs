using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace PartnerCenter.Browser.Tests;

/// <summary>
/// Issue 19: every page every kind of user reaches (the crawl of <see cref="EveryPageTests"/>) in Simplified Chinese:
/// no visible label, button, heading, table header, legend, option or link still in English (brand names, people's
/// and companies' names, emails, codes and ids aside), and axe-core and the Nu HTML checker stay clean in Chinese too.
/// </summary>
[Collection(EveryPageCollection.Name)]
public sealed partial class EveryPageInChineseTests(EveryPageFixture portal) : BrowserTest(portal)
{
    private EveryPageFixture Checks { get; } = portal;

    public static TheoryData<string> Kinds() => ["partner-admin", "partner-staff", "ecosystem-manager", "platform-administrator", "customer", "anonymous"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_page_reads_in_Chinese_and_passes_axe_and_vnu(string role)
    {
        var data = await Checks.DataAsync();
        var user = role switch
        {
            "partner-admin" => DemoUsers.NorthwindAdmin,
            "partner-staff" => DemoUsers.NorthwindSales,
            "ecosystem-manager" => DemoUsers.EcosystemManager,
            "platform-administrator" => DemoUsers.Operator,
            "customer" => DemoUsers.Customer,
            _ => null,
        };
        if (user is not null)
        {
            await SignInAsync(user);
        }

        // The header's switch, as a reader would use it; the cookie then speaks for every page.
        await ReadChineseAsync();
        var names = await UserDataAsync();
        var start = user is null ? ["/Account/SignIn", data.OpenInvitation, data.OpenInvitation + "/register", "/"] : new[] { "/" };
        var crawler = new SiteCrawler(Page, Portal.BaseUrl, "zh-CN-" + role) { StillEnglish = text => StillEnglish(text, names) };
        await crawler.CrawlAsync(start, []);
        Assert.Contains(crawler.Visited, v => v.StartsWith("200", StringComparison.Ordinal));
        Assert.Equal("zh-CN", await Page.GetAttributeAsync("html", "lang"));
        await crawler.AssertNoFindingsAsync();
    }

    /// <summary>
    /// The English left in <paramref name="text"/>: a run of words of two or more ASCII letters once brand names, the
    /// data people typed (names of people, companies, keys), emails, URLs, codes and ids are taken out; null if none.
    /// </summary>
    public static string? StillEnglish(string text, IReadOnlyCollection<string> userData)
    {
        var rest = userData.Where(n => n.Length > 0).OrderByDescending(n => n.Length)
            .Aggregate(text, (t, name) => t.Replace(name, " ", StringComparison.Ordinal));
        rest = NotWords().Replace(rest, " ");
        rest = Allowed.Aggregate(rest, (t, word) => Regex.Replace(t, $"(?<![A-Za-z]){Regex.Escape(word)}(?![A-Za-z])", " "));
        var run = EnglishRun().Match(rest);
        return run.Success ? run.Value.Trim() : null;
    }

    [Fact]
    public void The_heuristic_flags_English_and_lets_names_codes_and_brands_through()
    {
        string[] data = ["Northwind Cloud", "Olga Offen"];
        Assert.Equal("Sign out", StillEnglish("Sign out", data));
        Assert.Equal("OK", StillEnglish("OK", data));
        Assert.Equal("Customer lookup", StillEnglish("生态 Customer lookup", data));
        Assert.Null(StillEnglish("退出登录", data));
        Assert.Null(StillEnglish("邀请 Olga Offen（olga.offen@checkers.example）", data));
        Assert.Null(StillEnglish("Northwind Cloud · 合作伙伴中心", data));
        Assert.Null(StillEnglish("Partner Center", data));
        Assert.Null(StillEnglish("English", data));
        Assert.Null(StillEnglish("(UTC+08:00) Asia/Shanghai", data));
        Assert.Null(StillEnglish("pc_live_ab12 · https://crm.example.com/hooks/partner-center", data));
        Assert.Null(StillEnglish("customers:read", data));
        Assert.Null(StillEnglish("customer.associated", data));
        Assert.Equal("Read customers", StillEnglish("Read customers", data));
    }

    /// <summary>What users and the seed typed in, and emails as sent: shown as stored in every language.</summary>
    private async Task<List<string>> UserDataAsync() => await Portal.Server.WithDbAsync(async db =>
        (await db.Partners.Select(p => p.Name).ToListAsync())
        .Concat(await db.Users.Select(u => u.DisplayName).ToListAsync())
        .Concat(await db.CustomerAccounts.Select(a => a.Name).ToListAsync())
        .Concat(await db.Preregistrations.Select(p => p.CustomerName).ToListAsync())
        .Concat(await db.ApiKeys.Select(k => k.Name).ToListAsync())
        // Emails already sent keep the subject they were written in (their recipient's language), as the Mailbox lists them.
        .Concat(await db.OutboxMessages.Select(m => m.Subject).ToListAsync())
        .Distinct(StringComparer.Ordinal).ToList());

    /// <summary>Brand and product names, standard abbreviations and the other language's own name.</summary>
    private static readonly string[] Allowed =
    [
        "Partner Center", "English", "Webhook", "Webhooks", "API", "QR", "PNG", "SVG", "CSV", "UTC", "USD", "ID", "HTTPS", "URL", "JSON",
        "OpenAPI", "Scalar", "HMAC", "SHA", "Reseller", "Etc", "HTML",
    ];

    /// <summary>
    /// Emails, URLs, time zone ids, the API's scope and event codes (customers:read, customer.associated), codes with
    /// digits or underscores, masked text: never words.
    /// </summary>
    [GeneratedRegex(@"[\w.+-]+@[\w.-]+|https?://\S+|[A-Za-z]+/[A-Za-z_/+-]+|[a-z]+(?:[.:][a-z_]+)+|[A-Za-z0-9_*-]*[0-9_*][A-Za-z0-9_*-]*")]
    private static partial Regex NotWords();

    [GeneratedRegex(@"(?<![A-Za-z])[A-Za-z]{2,}(?:[\s,.'’:;&()-]+[A-Za-z]{2,})*(?![A-Za-z])")]
    private static partial Regex EnglishRun();
}
