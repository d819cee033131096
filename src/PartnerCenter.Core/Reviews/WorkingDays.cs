namespace PartnerCenter.Core.Reviews;

public sealed class ReviewOptions
{
    public const string Section = "Review";

    /// <summary>Working days an ecosystem manager has to decide a manual review.</summary>
    public int TargetWorkingDays { get; set; } = 2;

    /// <summary>IANA or Windows id of the time zone whose calendar decides weekends and holidays.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Non-working dates (yyyy-MM-dd) besides Saturdays and Sundays.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>
    /// Where a review one working day past its target is escalated, one email per review round; empty: no escalation.
    /// </summary>
    public string EscalationEmail { get; set; } = "";
}

/// <summary>
/// Working-day arithmetic: Saturdays, Sundays and configured holidays do not count, judged in the
/// configured time zone. Adding 2 working days to Friday 15:00 gives Tuesday 15:00; a start on a
/// non-working day counts from 00:00 of the next working day.
/// </summary>
public sealed class WorkingDays
{
    private readonly HashSet<DateOnly> holidays;
    private readonly TimeZoneInfo zone;

    public WorkingDays(IEnumerable<DateOnly> holidays, TimeZoneInfo zone)
    {
        this.holidays = holidays.ToHashSet();
        this.zone = zone;
    }

    public static WorkingDays From(ReviewOptions options) =>
        new(options.Holidays, TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone));

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    /// <summary>The UTC moment <paramref name="days"/> working days after <paramref name="startUtc"/>.</summary>
    public DateTime AddWorkingDays(DateTime startUtc, int days)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), zone);
        var day = DateOnly.FromDateTime(local);
        var timeOfDay = local.TimeOfDay;
        if (!IsWorkingDay(day))
        {
            day = NextWorkingDay(day);
            timeOfDay = TimeSpan.Zero;
        }

        for (var added = 0; added < days; added++)
        {
            day = NextWorkingDay(day);
        }

        var dueLocal = day.ToDateTime(TimeOnly.FromTimeSpan(timeOfDay), DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(dueLocal))
        {
            // A wall-clock time skipped by a daylight-saving jump: take the first valid moment after it.
            dueLocal = dueLocal.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(dueLocal, zone);
    }

    /// <summary>
    /// Working time from <paramref name="nowUtc"/> until <paramref name="dueUtc"/>, counted as the target is:
    /// only the hours of working days (in the configured zone) count. Negative once the due moment has
    /// passed: then it is the working time since. A Friday 15:00 request due Tuesday 15:00 has 2 days left, not 4.
    /// </summary>
    public TimeSpan TimeLeft(DateTime nowUtc, DateTime dueUtc) =>
        nowUtc <= dueUtc ? WorkingTimeBetween(nowUtc, dueUtc) : -WorkingTimeBetween(dueUtc, nowUtc);

    /// <summary>The part of [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) that falls on working days.</summary>
    public TimeSpan WorkingTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        var from = DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc);
        var to = DateTime.SpecifyKind(toUtc, DateTimeKind.Utc);
        var total = TimeSpan.Zero;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(from, zone));
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(to, zone));
        for (; day <= lastDay; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            // The day's own length in UTC (23 or 25 hours on a daylight-saving change).
            var start = StartOfDayUtc(day);
            var end = StartOfDayUtc(day.AddDays(1));
            var overlap = (end < to ? end : to) - (start > from ? start : from);
            if (overlap > TimeSpan.Zero)
            {
                total += overlap;
            }
        }

        return total;
    }

    private DateTime StartOfDayUtc(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(midnight))
        {
            // Midnight skipped by a daylight-saving jump: the day starts at its first valid moment.
            midnight = midnight.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(midnight, zone);
    }

    private DateOnly NextWorkingDay(DateOnly day)
    {
        do
        {
            day = day.AddDays(1);
        }
        while (!IsWorkingDay(day));

        return day;
    }
}
