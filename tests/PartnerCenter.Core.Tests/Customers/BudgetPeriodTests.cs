using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;

namespace PartnerCenter.Core.Tests.Customers;

/// <summary>Budget months in the partner's zone, the thresholds, the automatic freeze and the unfreeze at the reset.</summary>
public class BudgetPeriodTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZones.Find("Asia/Shanghai");
    private static readonly TimeZoneInfo Berlin = TimeZones.Find("Europe/Berlin");

    [Theory]
    [InlineData("Asia/Shanghai", "2031-03-31T15:59:59Z", "2031-02-28T16:00:00Z")]
    [InlineData("Asia/Shanghai", "2031-03-31T16:00:00Z", "2031-03-31T16:00:00Z")]
    [InlineData("Europe/Berlin", "2031-03-31T21:59:59Z", "2031-02-28T23:00:00Z")]
    [InlineData("Europe/Berlin", "2031-03-31T22:00:00Z", "2031-03-31T22:00:00Z")]
    [InlineData("America/New_York", "2031-01-01T04:59:59Z", "2030-12-01T05:00:00Z")]
    [InlineData("Etc/UTC", "2031-01-01T00:00:00Z", "2031-01-01T00:00:00Z")]
    public void A_month_starts_at_00_00_on_the_1st_in_the_zone(string zone, string now, string expected) =>
        Assert.Equal(Utc(expected), BudgetPeriod.MonthStart(Utc(now), TimeZones.Find(zone)));

    [Fact]
    public void The_reset_is_stated_with_the_zone_and_its_offset_now()
    {
        Assert.Equal("Resets 00:00 on the 1st (Asia/Shanghai, UTC+08:00)", BudgetPeriod.ResetStatement(Shanghai, Utc("2031-03-14T09:30:00Z")));
        Assert.Equal("Resets 00:00 on the 1st (Europe/Berlin, UTC+02:00)", BudgetPeriod.ResetStatement(Berlin, Utc("2031-07-01T09:30:00Z")));
        Assert.Equal("Resets 00:00 on the 1st (America/Sao_Paulo, UTC-03:00)", BudgetPeriod.ResetStatement(TimeZones.Find("America/Sao_Paulo"), Utc("2031-07-01T09:30:00Z")));
    }

    [Theory]
    [InlineData("79.99", new int[0])]
    [InlineData("80", new[] { 80 })]
    [InlineData("99.99", new[] { 80 })]
    [InlineData("100", new[] { 80, 100 })]
    [InlineData("250", new[] { 80, 100 })]
    public void Thresholds_are_reached_at_80_and_100_percent(string used, int[] levels) =>
        Assert.Equal(levels, BudgetLevels.Reached(decimal.Parse(used, System.Globalization.CultureInfo.InvariantCulture), 100m).Select(l => (int)l));

    [Fact]
    public void Used_counts_from_the_month_for_monthly_and_from_the_setting_for_one_time_and_a_new_setting_opens_a_new_alert_window()
    {
        var monthStart = Utc("2031-03-01T00:00:00Z");
        var setAt = Utc("2031-03-10T08:00:00Z");
        var account = Associated(frozen: false);
        account.SetBudget(new BudgetSetting(BudgetType.Monthly, 100m, FreezeOnExhaustion.Manually, false), setAt);
        Assert.Equal(monthStart, account.UsedSince(monthStart));
        Assert.Equal(setAt, account.AlertWindow(monthStart));
        Assert.Equal(Utc("2031-04-01T00:00:00Z"), account.AlertWindow(Utc("2031-04-01T00:00:00Z")));

        account.SetBudget(new BudgetSetting(BudgetType.OneTime, 100m, FreezeOnExhaustion.Manually, false), setAt);
        Assert.Equal(setAt, account.UsedSince(monthStart));
        Assert.Equal(setAt, account.UsedSince(Utc("2031-04-01T00:00:00Z")));
    }

    [Fact]
    public void Automatically_freezes_an_unfrozen_account_once_and_the_next_month_unfreezes_it()
    {
        var march = Utc("2031-02-28T23:00:00Z");
        var april = Utc("2031-03-31T22:00:00Z");
        var account = Associated(frozen: false);
        account.SetBudget(new BudgetSetting(BudgetType.Monthly, 100m, FreezeOnExhaustion.Automatically, false), march.AddDays(1));

        Assert.True(account.FreezeForExhaustedBudget(march));
        Assert.False(account.FreezeForExhaustedBudget(march));
        Assert.False(account.UnfreezeAtReset(march));
        Assert.True(account.IsFrozen);

        Assert.True(account.UnfreezeAtReset(april));
        Assert.False(account.IsFrozen);
        Assert.False(account.UnfreezeAtReset(april));
    }

    [Fact]
    public void Manually_never_freezes_a_frozen_account_is_left_frozen_at_the_reset_and_a_partner_unfreeze_takes_over()
    {
        var march = Utc("2031-02-28T23:00:00Z");
        var april = Utc("2031-03-31T22:00:00Z");
        var manual = Associated(frozen: false);
        manual.SetBudget(new BudgetSetting(BudgetType.Monthly, 100m, FreezeOnExhaustion.Manually, false), march);
        Assert.False(manual.FreezeForExhaustedBudget(march));
        Assert.False(manual.IsFrozen);

        var keptFrozen = Associated(frozen: true);
        keptFrozen.SetBudget(new BudgetSetting(BudgetType.Monthly, 100m, FreezeOnExhaustion.Automatically, false), march);
        Assert.False(keptFrozen.FreezeForExhaustedBudget(march));
        Assert.False(keptFrozen.UnfreezeAtReset(april));
        Assert.True(keptFrozen.IsFrozen);

        // The partner unfreezes and freezes again by hand: the reset leaves the partner's freeze alone.
        var takenOver = Associated(frozen: false);
        takenOver.SetBudget(new BudgetSetting(BudgetType.Monthly, 100m, FreezeOnExhaustion.Automatically, false), march);
        Assert.True(takenOver.FreezeForExhaustedBudget(march));
        Assert.True(takenOver.Unfreeze().IsSuccess);
        Assert.True(takenOver.Freeze().IsSuccess);
        Assert.False(takenOver.UnfreezeAtReset(april));
        Assert.True(takenOver.IsFrozen);
    }

    private static CustomerAccount Associated(bool frozen)
    {
        var account = new CustomerAccount { Email = "b@customers.example", Name = "B", CountryCode = "DE", RegisteredAt = Utc("2030-01-01T00:00:00Z") };
        Assert.True(account.AssociateWith(1, Utc("2030-06-01T00:00:00Z"), frozen).IsSuccess);
        return account;
    }

    private static DateTime Utc(string iso) =>
        DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
}
