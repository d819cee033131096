using PartnerCenter.Core.Accounts;
using static PartnerCenter.Web.Tests.Profile.ProfileKit;

namespace PartnerCenter.Web.Tests.Profile;

/// <summary>
/// Every page shows times in the reader's zone, with the zone named: a partner's users in the partner's
/// zone until they choose their own on the Profile page. On a fake clock (2031-03-14 09:30 UTC) that
/// these tests never move.
/// </summary>
public sealed class ReaderTimeZoneTests(FakeClockApp app) : AppTest<FakeClockApp>(app)
{
    [Fact]
    public async Task A_partner_in_China_sees_times_in_UTC_plus_8_until_a_user_chooses_another_zone()
    {
        var partnerId = await CreatePartnerInAsync(App, "Shanghai Cloud " + Guid.NewGuid().ToString("N")[..6], "CN,DE", "ops@shanghai.example");
        var admin = $"admin.{Guid.NewGuid():N}@shanghai.example";
        await CreateUserAsync(App, admin, Roles.PartnerAdmin, partnerId);
        var client = await SignInAsync(admin);

        // Valid 15 days: 2031-03-29 09:30 UTC is 17:30 in Shanghai.
        var first = await PreregisterAsync(client, "Wei Zhang");
        Assert.Equal("Wei Zhang is preregistered, valid until 2031-03-29 17:30 (UTC+08:00).", first);
        var list = await client.GetPageAsync("/CustomerDevelopment");
        var preregisteredAt = list.Document.QuerySelectorAll("main tbody time").Single(t => t.GetAttribute("title")?.Contains("17:30", StringComparison.Ordinal) == true);
        Assert.Equal("2031-03-14", preregisteredAt.TextContent.Trim());
        Assert.Equal("2031-03-14 17:30 (UTC+08:00)", preregisteredAt.GetAttribute("title"));
        Assert.Equal("2031-03-14T09:30:00Z", preregisteredAt.GetAttribute("datetime"));

        // The user's own zone, on the Profile page: the next page is in it, without signing in again.
        var saved = await SaveProfileAsync(client, "America/New_York");
        Assert.Contains("Profile saved.", saved.Alerts("success"));
        Assert.Equal("America/New_York", saved.Document.QuerySelector("select[name='TimeZoneId'] option[selected]")?.GetAttribute("value"));
        Assert.Equal("America/New_York", await App.WithDbAsync(db => db.Users.Where(u => u.Email == admin).Select(u => u.TimeZoneId).SingleAsync()));
        Assert.Equal("Li Na is preregistered, valid until 2031-03-29 05:30 (UTC-04:00).", await PreregisterAsync(client, "Li Na"));

        // Back to the default: the partner's zone again.
        await SaveProfileAsync(client, "");
        Assert.Equal("Chen Jie is preregistered, valid until 2031-03-29 17:30 (UTC+08:00).", await PreregisterAsync(client, "Chen Jie"));
    }

    [Fact]
    public async Task An_unknown_zone_is_refused_by_the_field_and_nothing_changes()
    {
        var client = await SignInAsync(DemoUsers.ContosoAdmin);

        var page = await SaveProfileAsync(client, "Mars/Olympus");

        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Choose a time zone from the list.", page.FieldError("TimeZoneId"));
        Assert.Empty(page.Alerts("success"));
        Assert.Null(await App.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.ContosoAdmin).Select(u => u.TimeZoneId).SingleAsync()));
    }

    [Fact]
    public async Task Every_signed_in_user_reaches_the_profile_from_the_header()
    {
        foreach (var user in new[] { DemoUsers.EcosystemManager, DemoUsers.Customer, DemoUsers.NorthwindIntern })
        {
            var client = await SignInAsync(user);
            var home = await client.GetPageAsync("/");
            Assert.Equal("/Profile", home.Document.QuerySelectorAll("header a").Single(a => a.TextContent.Trim() == "Profile").GetAttribute("href"));
            var profile = await client.GetPageAsync("/Profile");
            profile.AssertStatus(HttpStatusCode.OK);
            Assert.Contains("(UTC+08:00) Asia/Shanghai", profile.Document.QuerySelectorAll("select[name='TimeZoneId'] option").Select(o => o.TextContent.Trim()));
            // Email preferences are for partner users only.
            Assert.Equal(user == DemoUsers.NorthwindIntern, profile.Document.QuerySelector("input[name='EmailOnReviewDecided']") is not null);
        }
    }

    [Fact]
    public async Task A_customer_without_a_choice_sees_the_browsers_zone_else_the_account_countrys()
    {
        var customer = await SignInAsync(DemoUsers.Customer);
        // Existing GmbH is in DE: Berlin, on 2031-03-14 at UTC+01:00.
        var mine = await customer.GetPageAsync("/Profile");
        Assert.Contains("Now: 2031-03-14 10:30 (UTC+01:00)", mine.MainText, StringComparison.Ordinal);

        // site.js stores the browser's zone in a cookie; the server reads it on the next request.
        customer.Cookies.Add(new Uri("http://localhost/"), new Cookie("pc.tz", Uri.EscapeDataString("Asia/Tokyo")));
        mine = await customer.GetPageAsync("/Profile");
        Assert.Contains("Now: 2031-03-14 18:30 (UTC+09:00)", mine.MainText, StringComparison.Ordinal);

        // A partner user follows the partner, whatever the browser says.
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        sales.Cookies.Add(new Uri("http://localhost/"), new Cookie("pc.tz", "Asia/Tokyo"));
        Assert.Contains("Now: 2031-03-14 10:30 (UTC+01:00)", (await sales.GetPageAsync("/Profile")).MainText, StringComparison.Ordinal);
    }

    private async Task<string> PreregisterAsync(PartnerCenterClient client, string name)
    {
        using var response = await client.SubmitPreregistrationAsync(name, Preregister.NewEmail(name.Split(' ')[0].ToLowerInvariant()));
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        var list = await client.FollowAsync(response);
        return Assert.Single(list.Alerts("success"));
    }
}
