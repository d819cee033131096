using Microsoft.Extensions.Time.Testing;
using PartnerCenter.Core.Reviews;

namespace PartnerCenter.Core.Tests.Reviews;

/// <summary>"Time left" of a review counts working time, as its 2-working-day target does (docs/domain.md §7.1).</summary>
public class WorkingTimeLeftTests
{
    private static readonly WorkingDays Utc = new([], TimeZoneInfo.Utc);

    private static DateTime At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>2026-11-20 is a Friday: a request at 15:00 is due Tuesday 15:00.</summary>
    private static readonly DateTime FridayRequest = At(2026, 11, 20, 15);

    private static readonly DateTime Due = Utc.AddWorkingDays(FridayRequest, 2);

    [Fact]
    public void A_Friday_request_has_its_two_working_days_left_not_four_calendar_days()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(FridayRequest));

        Assert.Equal(At(2026, 11, 24, 15), Due);
        Assert.Equal(TimeSpan.FromDays(2), Utc.TimeLeft(clock.GetUtcNow().UtcDateTime, Due));
        Assert.NotEqual(Due - FridayRequest, Utc.TimeLeft(clock.GetUtcNow().UtcDateTime, Due));
    }

    [Theory]
    [InlineData(2026, 11, 21, 10)] // Saturday
    [InlineData(2026, 11, 22, 23)] // Sunday night
    [InlineData(2026, 11, 23, 0)] // Monday, first moment
    public void The_weekend_uses_none_of_the_time_left(int y, int m, int d, int h)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(At(y, m, d, h)));

        // Friday's remaining 9 hours were used; Monday's 24 and Tuesday's 15 remain.
        Assert.Equal(TimeSpan.FromHours(39), Utc.TimeLeft(clock.GetUtcNow().UtcDateTime, Due));
    }

    [Fact]
    public void Time_runs_on_a_working_day()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(At(2026, 11, 23, 12, 30)));

        Assert.Equal(TimeSpan.FromHours(26.5), Utc.TimeLeft(clock.GetUtcNow().UtcDateTime, Due));
    }

    [Fact]
    public void Overdue_time_is_negative_and_counts_working_time_only()
    {
        // Due Friday 2026-11-27 10:00; on Monday 2026-11-30 11:00 it is 14 + 11 working hours late, not 73.
        var due = At(2026, 11, 27, 10);
        var clock = new FakeTimeProvider(new DateTimeOffset(At(2026, 11, 30, 11)));

        Assert.Equal(TimeSpan.FromHours(-25), Utc.TimeLeft(clock.GetUtcNow().UtcDateTime, due));
        Assert.Equal(TimeSpan.Zero, Utc.TimeLeft(due, due));
    }

    [Fact]
    public void A_holiday_uses_none_of_the_time_left()
    {
        var withHoliday = new WorkingDays([new DateOnly(2026, 11, 23)], TimeZoneInfo.Utc);
        var due = withHoliday.AddWorkingDays(FridayRequest, 2);

        Assert.Equal(At(2026, 11, 25, 15), due);
        Assert.Equal(TimeSpan.FromDays(2), withHoliday.TimeLeft(FridayRequest, due));
        Assert.Equal(TimeSpan.FromHours(39), withHoliday.TimeLeft(At(2026, 11, 23, 18), due));
    }

    [Fact]
    public void Weekends_are_judged_in_the_configured_zone()
    {
        // Tokyo: Friday 2026-11-20 15:00 UTC is already Saturday 00:00; Monday 00:00 Tokyo is Sunday 15:00 UTC.
        var tokyo = new WorkingDays([], TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

        Assert.Equal(TimeSpan.Zero, tokyo.WorkingTimeBetween(At(2026, 11, 20, 15), At(2026, 11, 22, 15)));
        Assert.Equal(TimeSpan.FromHours(1), tokyo.WorkingTimeBetween(At(2026, 11, 20, 14), At(2026, 11, 22, 15)));
    }

    [Fact]
    public void A_daylight_saving_day_counts_its_real_length()
    {
        // Berlin, Monday 2026-10-26 is a normal 24-hour day, Sunday 2026-10-25 has 25 hours but is not a working day:
        // from Friday 14:00 local to Tuesday 14:00 local is 10 + 24 + 14 working hours.
        var berlin = new WorkingDays([], TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

        Assert.Equal(TimeSpan.FromHours(48), berlin.WorkingTimeBetween(At(2026, 10, 23, 12), At(2026, 10, 27, 13)));
    }
}
