using System.Text.Json;
using PartnerCenter.Core.Auditing;
using static PartnerCenter.Web.Tests.Preregistrations.PreregistrationKit;

namespace PartnerCenter.Web.Tests.Preregistrations;

/// <summary>Names, emails and mobiles are masked by the server; revealing a column is a recorded request.</summary>
public sealed class RevealPersonalDataTests(PreregistrationFactory app) : AppTest<PreregistrationFactory>(app)
{
    // Anna Schmidt, a seeded Preregistered record of Northwind.
    private const string FullEmail = "anna.schmidt@prospects.example";
    private const string FullName = "Anna Schmidt";

    [Fact]
    public async Task The_list_masks_names_emails_and_mobiles_by_default_and_the_full_values_are_nowhere_in_the_page()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);

        var list = await sales.GetPageAsync(ListUrl);

        list.AssertStatus(HttpStatusCode.OK);
        var anna = Assert.Single(list.Rows(), r => r.Email == "a***@prospects.example" && r.Status == "Preregistered");
        Assert.Equal(("A*** S***", "+49 *** *** 01"), (anna.Name, anna.Mobile));
        var html = list.Html();
        foreach (var secret in new[] { FullEmail, FullName, "Schmidt", "+49 1512 3456701", "+4915123456701", "Jonas Weber", "jonas.weber@" })
        {
            Assert.DoesNotContain(secret, html, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var label in new[] { "Show names", "Show emails", "Show mobile numbers" })
        {
            var eye = list.Document.QuerySelector($"button[aria-label='{label}']");
            Assert.NotNull(eye);
            Assert.Equal("false", eye.GetAttribute("aria-pressed"));
        }
    }

    [Fact]
    public async Task Revealing_emails_shows_them_in_full_records_who_when_and_which_column_and_hiding_masks_them_again()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var before = await RevealsAsync();
        var list = await sales.GetPageAsync($"{ListUrl}?sort=oldest");
        Assert.Equal("true", list.Document.QuerySelector("button[form='reveal-Email']")!.GetAttribute("value"));

        using var shown = await sales.ToggleColumnAsync(list, MaskedColumn.Email, show: true);

        await shown.AssertStatusAsync(HttpStatusCode.Redirect);
        var revealed = await sales.FollowAsync(shown);
        Assert.Equal($"{ListUrl}?sort=oldest", revealed.Url.PathAndQuery);
        var anna = Assert.Single(revealed.Rows(), r => r.Email == FullEmail);
        Assert.Equal(("A*** S***", "+49 *** *** 01"), (anna.Name, anna.Mobile));
        Assert.Contains(revealed.Rows(), r => r.Email == "loyal@customers.example");
        Assert.DoesNotContain(FullName, revealed.Html(), StringComparison.Ordinal);
        var hide = revealed.Document.QuerySelector("button[aria-label='Hide emails']");
        Assert.NotNull(hide);
        Assert.Equal("true", hide.GetAttribute("aria-pressed"));

        var entry = Assert.Single(await RevealsAsync(), e => !before.Any(b => b.Id == e.Id));
        Assert.Equal(await App.UserIdAsync(DemoUsers.NorthwindSales), entry.ActorUserId);
        Assert.Equal(await App.PartnerIdAsync(Northwind), entry.PartnerId);
        Assert.Equal(App.Now, entry.At);
        Assert.Equal("Email", entry.EntityId);
        using (var after = JsonDocument.Parse(entry.After!))
        {
            Assert.Equal("Email", after.RootElement.GetProperty("Column").GetString());
        }

        // Still revealed on the next render; another user's session is not affected.
        Assert.Contains((await sales.GetPageAsync(ListUrl)).Rows(), r => r.Email == FullEmail);
        using (var admin = await App.SignedInClientAsync(DemoUsers.NorthwindAdmin))
        {
            Assert.DoesNotContain(FullEmail, (await admin.GetPageAsync(ListUrl)).Html(), StringComparison.Ordinal);
        }

        using var hidden = await sales.ToggleColumnAsync(revealed, MaskedColumn.Email, show: false);

        var masked = await sales.FollowAsync(hidden);
        Assert.DoesNotContain(FullEmail, masked.Html(), StringComparison.Ordinal);
        Assert.Single(masked.Rows(), r => r.Email == "a***@prospects.example" && r.Status == "Preregistered");
        Assert.Equal(before.Count + 1, (await RevealsAsync()).Count);
    }

    [Theory]
    [InlineData(MaskedColumn.Name, FullName, "Anna Schmidt")]
    [InlineData(MaskedColumn.Mobile, "+49 1512 3456701", "+49 1512 3456701")]
    public async Task Names_and_mobiles_are_revealed_per_column_and_audited(MaskedColumn column, string secret, string cell)
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var before = (await RevealsAsync()).Count(e => e.EntityId == column.ToString());
        var list = await sales.GetPageAsync(ListUrl);
        Assert.DoesNotContain(secret, list.Html(), StringComparison.Ordinal);

        var revealed = await sales.FollowAsync(await sales.ToggleColumnAsync(list, column, show: true));

        var anna = Assert.Single(revealed.Rows(), r => r.Email == "a***@prospects.example" && r.Status == "Preregistered");
        Assert.Equal(cell, column == MaskedColumn.Name ? anna.Name : anna.Mobile);
        Assert.DoesNotContain(FullEmail, revealed.Html(), StringComparison.Ordinal);
        Assert.Equal(before + 1, (await RevealsAsync()).Count(e => e.EntityId == column.ToString()));
    }

    [Fact]
    public async Task Revealed_columns_do_not_carry_over_to_the_next_user_signing_in_on_the_same_browser()
    {
        var browser = await SignInAsync(DemoUsers.NorthwindSales);
        var list = await browser.GetPageAsync(ListUrl);
        using (var shown = await browser.ToggleColumnAsync(list, MaskedColumn.Email, show: true))
        {
            await shown.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        Assert.Contains(FullEmail, (await browser.GetPageAsync(ListUrl)).Html(), StringComparison.Ordinal);
        using (var signedOut = await browser.PostFormAsync("/Account/SignOut"))
        {
            await signedOut.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        // Another partner's admin signs in on the same browser and has revealed nothing.
        await browser.SignInOrThrowAsync(DemoUsers.ContosoAdmin);
        var contosoId = await App.UserIdAsync(DemoUsers.ContosoAdmin);
        var contosoList = await browser.GetPageAsync(ListUrl);

        contosoList.AssertStatus(HttpStatusCode.OK);
        Assert.Empty(await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "PersonalDataRevealed" && e.ActorUserId == contosoId).ToListAsync()));
        Assert.DoesNotContain("claimed@customers.example", contosoList.Html(), StringComparison.Ordinal);
        Assert.Contains(contosoList.Rows(), r => r.Email == "c***@customers.example");
    }

    [Fact]
    public async Task A_user_without_the_permission_cannot_reveal_and_nothing_is_recorded()
    {
        var intern = await SignInAsync(DemoUsers.NorthwindIntern);
        var before = (await RevealsAsync()).Count;

        using var response = await intern.PostFormAsync("/CustomerDevelopment/Reveal", ("column", "Email"), ("show", "true"), ("returnUrl", ListUrl));

        await response.AssertStatusAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, (await RevealsAsync()).Count);
    }

    [Fact]
    public async Task Reveals_are_shown_on_the_audit_page_to_the_partners_admin_and_ecosystem_manager_and_to_no_other_partner()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        using var shown = await sales.ToggleColumnAsync(await sales.GetPageAsync(ListUrl), MaskedColumn.Mobile, show: true);
        await shown.AssertStatusAsync(HttpStatusCode.Redirect);
        using var onCustomers = await Customers.CustomerKit.ToggleAsync(sales, await sales.GetPageAsync("/Customers"), MaskedColumn.Email, show: true);
        await onCustomers.AssertStatusAsync(HttpStatusCode.Redirect);
        var salesName = await App.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.NorthwindSales).Select(u => u.DisplayName).SingleAsync());

        var admin = await SignInAsync(DemoUsers.NorthwindAdmin);
        var list = await admin.GetPageAsync(ListUrl);
        Assert.Equal("/Audit/Reveals", list.Document.QuerySelectorAll("main a").Single(a => a.TextContent.Trim() == "Reveals of personal data").GetAttribute("href"));
        var page = await admin.GetPageAsync("/Audit/Reveals");
        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Reveals of personal data", page.Heading);
        // Newest first, each with the page it was revealed on.
        Assert.Equal([salesName, "Customers", "Email"], Cells(page)[0][1..]);
        Assert.Equal([salesName, "Customer Development", "Mobile Number"], Cells(page)[1][1..]);

        var manager = await SignInAsync(DemoUsers.EcosystemManager);
        Assert.Equal([salesName, "Northwind Cloud", "Customer Development", "Mobile Number"], Cells(await manager.GetPageAsync("/Audit/Reveals"))[1][1..]);

        var contoso = await SignInAsync(DemoUsers.ContosoAdmin);
        Assert.DoesNotContain(Cells(await contoso.GetPageAsync("/Audit/Reveals")), row => row.Contains(salesName));
        using var forbidden = await sales.GetAsync("/Audit/Reveals");
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
    }

    private static List<List<string>> Cells(HtmlPage page) =>
        page.Document.QuerySelectorAll("main tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();

    private Task<List<AuditEntry>> RevealsAsync() =>
        App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "PersonalDataRevealed").ToListAsync());
}
