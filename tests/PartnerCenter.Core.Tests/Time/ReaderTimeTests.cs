using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Tests.Time;

/// <summary>Times are shown in the reader's zone with the zone named; which zone a reader has.</summary>
public class ReaderTimeTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZones.Find("Asia/Shanghai");
    private static readonly TimeZoneInfo Berlin = TimeZones.Find("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZones.Find("America/New_York");

    private static DateTime Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    [Fact]
    public void A_moment_is_shown_local_with_its_offset_named() =>
        Assert.Equal("2026-12-16 21:58 (UTC+08:00)", TimeZones.Format(Utc(2026, 12, 16, 13, 58), Shanghai));

    [Fact]
    public void Seconds_when_asked() =>
        Assert.Equal("2026-12-16 21:58:07 (UTC+08:00)", TimeZones.Format(new DateTime(2026, 12, 16, 13, 58, 7, DateTimeKind.Utc), Shanghai, seconds: true));

    [Fact]
    public void A_zone_with_daylight_saving_names_the_offset_of_that_moment()
    {
        Assert.Equal("2026-07-01 12:00 (UTC+02:00)", TimeZones.Format(Utc(2026, 7, 1, 10, 0), Berlin));
        Assert.Equal("2026-12-01 11:00 (UTC+01:00)", TimeZones.Format(Utc(2026, 12, 1, 10, 0), Berlin));
        // Berlin leaves summer time on 2026-10-25 at 01:00 UTC.
        Assert.Equal("2026-10-25 02:59 (UTC+02:00)", TimeZones.Format(Utc(2026, 10, 25, 0, 59), Berlin));
        Assert.Equal("2026-10-25 02:00 (UTC+01:00)", TimeZones.Format(Utc(2026, 10, 25, 1, 0), Berlin));
    }

    [Fact]
    public void West_of_Greenwich_the_offset_is_negative() =>
        Assert.Equal("2026-12-16 08:58 (UTC-05:00)", TimeZones.Format(Utc(2026, 12, 16, 13, 58), NewYork));

    [Fact]
    public void Utc_itself_is_named_too() =>
        Assert.Equal("2026-12-16 13:58 (UTC+00:00)", TimeZones.Format(Utc(2026, 12, 16, 13, 58), TimeZoneInfo.Utc));

    [Fact]
    public void A_date_is_the_readers_local_date() =>
        Assert.Equal("2026-12-17", TimeZones.FormatDate(Utc(2026, 12, 16, 20, 0), Shanghai));

    [Fact]
    public void The_local_day_ends_at_the_readers_midnight()
    {
        // 23:30 in Shanghai: the day ends half an hour later, at 16:00 UTC.
        Assert.Equal(Utc(2031, 3, 17, 16, 0), TimeZones.EndOfLocalDay(Utc(2031, 3, 17, 15, 30), Shanghai));
        // 00:30 in Shanghai on the 18th: the next day.
        Assert.Equal(Utc(2031, 3, 18, 16, 0), TimeZones.EndOfLocalDay(Utc(2031, 3, 17, 16, 30), Shanghai));
        Assert.Equal(Utc(2031, 3, 18, 0, 0), TimeZones.EndOfLocalDay(Utc(2031, 3, 17, 16, 30), TimeZoneInfo.Utc));
        // The day summer time starts is 23 hours long in Berlin (2026-03-29).
        Assert.Equal(Utc(2026, 3, 29, 22, 0), TimeZones.EndOfLocalDay(Utc(2026, 3, 29, 0, 0), Berlin));
    }

    [Fact]
    public void The_profile_lists_zones_with_their_offset_now()
    {
        var now = Utc(2026, 12, 16, 0, 0);
        var zones = TimeZones.Choosable(now);
        Assert.Contains(zones, z => TimeZones.Describe(z, now) == "(UTC+08:00) Asia/Shanghai");
        Assert.Contains(zones, z => TimeZones.Describe(z, now) == "(UTC-05:00) America/New_York");
        Assert.True(zones.Select(z => z.GetUtcOffset(now)).SequenceEqual(zones.Select(z => z.GetUtcOffset(now)).Order()));
    }

    [Theory]
    [InlineData("Asia/Tokyo", "Europe/Paris", "Europe/Berlin", "Asia/Tokyo")]
    [InlineData(null, "Europe/Paris", "Europe/Berlin", "Europe/Paris")]
    [InlineData(null, null, "Europe/Berlin", "Europe/Berlin")]
    [InlineData("Mars/Olympus", "Nowhere/Else", "Europe/Berlin", "Europe/Berlin")]
    [InlineData(null, null, null, TimeZones.Utc)]
    public void A_readers_own_choice_wins_then_the_browser_then_the_default(string? chosen, string? browser, string? fallback, string expected) =>
        Assert.Equal(expected, ReaderZones.Resolve(chosen, browser, fallback));

    [Fact]
    public void Defaults_are_the_partners_zone_the_customer_accounts_country_or_utc()
    {
        Assert.Equal("Asia/Shanghai", ReaderZones.DefaultFor(new Core.Partners.Partner { Name = "P", BusinessCountries = "CN" }, null));
        Assert.Equal("America/Sao_Paulo", ReaderZones.DefaultFor(null, new Core.Customers.CustomerAccount { Email = "a@b.example", Name = "A", CountryCode = "BR" }));
        Assert.Equal(TimeZones.Utc, ReaderZones.DefaultFor(null, null));
    }

    [Fact]
    public void Only_customers_and_visitors_follow_their_browser()
    {
        Assert.True(ReaderZones.FollowsBrowser(signedIn: false, isCustomer: false));
        Assert.True(ReaderZones.FollowsBrowser(signedIn: true, isCustomer: true));
        Assert.False(ReaderZones.FollowsBrowser(signedIn: true, isCustomer: false));
    }

    [Fact]
    public void An_unknown_zone_is_refused_and_nothing_changes()
    {
        var user = new AppUser { DisplayName = "U", TimeZoneId = "Asia/Tokyo" };
        Assert.Equal(AppUser.UnknownTimeZone, user.ChooseTimeZone("Mars/Olympus"));
        Assert.Equal("Asia/Tokyo", user.TimeZoneId);
        Assert.Null(user.ChooseTimeZone("America/New_York"));
        Assert.Equal("America/New_York", user.TimeZoneId);
        Assert.Null(user.ChooseTimeZone(""));
        Assert.Null(user.TimeZoneId);
    }

    [Fact]
    public void Partner_notices_go_to_users_who_develop_customers_and_did_not_turn_them_off()
    {
        var staff = new AppUser { DisplayName = "S", Email = "s@p.example", PartnerId = 1, HasCustomerDevelopment = true };
        Assert.True(staff.WantsPartnerNotice(PartnerNotice.ReviewDecided, isAdmin: false));
        staff.ReviewDecidedEmailOff = true;
        Assert.False(staff.WantsPartnerNotice(PartnerNotice.ReviewDecided, isAdmin: false));
        Assert.True(staff.WantsPartnerNotice(PartnerNotice.CustomerAssociated, isAdmin: false));
        staff.CustomerAssociatedEmailOff = true;
        Assert.False(staff.WantsPartnerNotice(PartnerNotice.CustomerAssociated, isAdmin: false));

        var intern = new AppUser { DisplayName = "I", Email = "i@p.example", PartnerId = 1 };
        Assert.False(intern.WantsPartnerNotice(PartnerNotice.ReviewDecided, isAdmin: false));
        Assert.True(intern.WantsPartnerNotice(PartnerNotice.ReviewDecided, isAdmin: true));

        var customer = new AppUser { DisplayName = "C", Email = "c@p.example", HasCustomerDevelopment = true };
        Assert.False(customer.WantsPartnerNotice(PartnerNotice.ReviewDecided, isAdmin: false));
    }
}
