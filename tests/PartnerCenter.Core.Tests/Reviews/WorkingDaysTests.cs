using PartnerCenter.Core.Reviews;

namespace PartnerCenter.Core.Tests.Reviews;

public class WorkingDaysTests
{
    private static readonly WorkingDays Utc = new([], TimeZoneInfo.Utc);

    private static DateTime At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void Friday_afternoon_is_due_Tuesday_afternoon()
    {
        // 2026-11-20 is a Friday.
        Assert.Equal(At(2026, 11, 24, 15, 30), Utc.AddWorkingDays(At(2026, 11, 20, 15, 30), 2));
    }

    [Fact]
    public void Monday_morning_is_due_Wednesday_morning()
    {
        Assert.Equal(At(2026, 11, 25, 9), Utc.AddWorkingDays(At(2026, 11, 23, 9), 2));
    }

    [Theory]
    [InlineData(21)] // Saturday
    [InlineData(22)] // Sunday
    public void A_weekend_submission_counts_from_Monday_midnight(int day)
    {
        Assert.Equal(At(2026, 11, 25, 0), Utc.AddWorkingDays(At(2026, 11, day, 14), 2));
    }

    [Fact]
    public void Holidays_do_not_count()
    {
        var withHoliday = new WorkingDays([new DateOnly(2026, 11, 23)], TimeZoneInfo.Utc);

        Assert.Equal(At(2026, 11, 25, 15), withHoliday.AddWorkingDays(At(2026, 11, 20, 15), 2));
    }

    [Fact]
    public void Across_a_month_end()
    {
        // Thursday 2026-04-30 -> Monday 2026-05-04.
        Assert.Equal(At(2026, 5, 4, 10), Utc.AddWorkingDays(At(2026, 4, 30, 10), 2));
    }

    [Fact]
    public void Across_a_year_end_with_new_year_holiday()
    {
        // Wednesday 2026-12-30, holiday 2027-01-01 (Friday) -> Tuesday 2027-01-05.
        var days = new WorkingDays([new DateOnly(2027, 1, 1)], TimeZoneInfo.Utc);

        Assert.Equal(At(2027, 1, 5, 11), days.AddWorkingDays(At(2026, 12, 30, 11), 3));
    }

    [Fact]
    public void Weekends_are_judged_in_the_configured_time_zone()
    {
        // Friday 2026-11-20 23:30 UTC is already Saturday 08:30 in Tokyo: counting starts Monday 00:00 Tokyo.
        var tokyo = new WorkingDays([], TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

        var due = tokyo.AddWorkingDays(At(2026, 11, 20, 23, 30), 2);

        Assert.Equal(At(2026, 11, 24, 15), due); // Wednesday 00:00 Tokyo = Tuesday 15:00 UTC
    }

    [Fact]
    public void The_local_time_of_day_is_kept_across_a_daylight_saving_change()
    {
        // Berlin leaves summer time on Sunday 2026-10-25: Friday 14:00 local (12:00 UTC) is due Tuesday 14:00 local (13:00 UTC).
        var berlin = new WorkingDays([], TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

        Assert.Equal(At(2026, 10, 27, 13), berlin.AddWorkingDays(At(2026, 10, 23, 12), 2));
    }

    [Theory]
    [InlineData(2026, 11, 21, false)]
    [InlineData(2026, 11, 22, false)]
    [InlineData(2026, 11, 23, true)]
    public void Saturdays_and_Sundays_are_not_working_days(int y, int m, int d, bool working) =>
        Assert.Equal(working, Utc.IsWorkingDay(new DateOnly(y, m, d)));
}
