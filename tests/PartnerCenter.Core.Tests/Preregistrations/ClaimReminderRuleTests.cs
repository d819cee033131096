using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Tests.Preregistrations;

/// <summary>When a reminder is due and when the list marks a claim (issue 17, Reminders): calendar days in the partner's zone.</summary>
public class ClaimReminderRuleTests
{
    // 22:30 UTC is already the next day in Berlin (UTC+1 in March).
    private static readonly DateTime Submitted = new(2031, 3, 3, 22, 30, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo Berlin = TimeZones.Find("Europe/Berlin");

    private static Preregistration NewClaim()
    {
        Assert.True(MobileNumber.TryParse("+49 1512 3456789", out var mobile));
        return Preregistration.Submit(1, "rita@example.com", "Rita", mobile!, false, ReviewTrigger.None, "u1", Submitted);
    }

    [Theory]
    [InlineData(11, null)]
    [InlineData(12, 3)]
    [InlineData(13, null)]
    [InlineData(14, 1)]
    public void A_reminder_is_due_3_and_1_calendar_days_before_the_claim_lapses(int daysLater, int? due)
    {
        // Lapses 2031-03-18 22:30 UTC, 23:30 in Berlin; "now" is 08:00 UTC on the 3rd + daysLater.
        var now = new DateTime(2031, 3, 3, 8, 0, 0, DateTimeKind.Utc).AddDays(daysLater);
        Assert.Equal(due, NewClaim().ReminderDueAt(now, Berlin));
    }

    [Fact]
    public void The_day_counts_in_the_partners_zone_not_in_utc()
    {
        var claim = NewClaim();

        // 2031-03-15 23:30 UTC: the 15th in UTC, 3 days before the 18th; already the 16th in Berlin, 2 days before.
        var now = new DateTime(2031, 3, 15, 23, 30, 0, DateTimeKind.Utc);
        Assert.Equal(3, claim.ReminderDueAt(now, TimeZoneInfo.Utc));
        Assert.Null(claim.ReminderDueAt(now, Berlin));
    }

    [Fact]
    public void Only_a_preregistered_claim_is_reminded_and_marked()
    {
        var claim = NewClaim();
        var threeDaysBefore = claim.ExpiresAt!.Value.AddDays(-3);

        Assert.True(claim.IsLapsingSoonAt(threeDaysBefore));
        Assert.False(claim.IsLapsingSoonAt(threeDaysBefore.AddTicks(-1)));
        Assert.False(claim.IsLapsingSoonAt(claim.ExpiresAt!.Value));
        Assert.Null(claim.ReminderDueAt(claim.ExpiresAt!.Value, Berlin));

        claim.Delete(threeDaysBefore);
        Assert.False(claim.IsLapsingSoonAt(threeDaysBefore));
        Assert.Null(claim.ReminderDueAt(threeDaysBefore, TimeZoneInfo.Utc));
    }
}
