using System.Globalization;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Customers;

/// <summary>The thresholds of a budget at which the partner is alerted.</summary>
public enum BudgetLevel
{
    /// <summary>Spend has reached 80% of the budget.</summary>
    Warning = 80,
    /// <summary>Spend has reached the budget: "Budget exhausted"; freezes the account when set to Automatically.</summary>
    Exhausted = 100,
}

public static class BudgetLevels
{
    /// <summary>The share of the budget at which the partner is warned.</summary>
    public const decimal WarningShare = 0.8m;

    /// <summary>The levels <paramref name="used"/> has reached for a budget of <paramref name="amount"/>, lowest first.</summary>
    public static IReadOnlyList<BudgetLevel> Reached(decimal used, decimal amount) =>
        amount <= 0 ? []
        : used >= amount ? [BudgetLevel.Warning, BudgetLevel.Exhausted]
        : used >= amount * WarningShare ? [BudgetLevel.Warning]
        : [];

    /// <summary>The highest level reached, or null: what the Customers page shows as a badge.</summary>
    public static BudgetLevel? Highest(decimal used, decimal amount) => Reached(used, amount) is [.., var last] ? last : null;

    /// <summary>The badge text on the Customers page.</summary>
    public static string Label(BudgetLevel level) => Phrase.Translate(level == BudgetLevel.Exhausted ? "Budget exhausted" : "80% used");
}

/// <summary>Budget months: calendar months in the partner's time zone, resetting at 00:00 on the 1st there.</summary>
public static class BudgetPeriod
{
    /// <summary>The instant (UTC) the month containing <paramref name="utcNow"/> began in <paramref name="zone"/>.</summary>
    public static DateTime MonthStart(DateTime utcNow, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), zone);
        return LocalToUtc(new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified), zone);
    }

    /// <summary>The instant (UTC) of the next reset after <paramref name="utcNow"/>.</summary>
    public static DateTime NextReset(DateTime utcNow, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), zone);
        return LocalToUtc(new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1), zone);
    }

    /// <summary>What the pages state, e.g. <c>Resets 00:00 on the 1st (Asia/Shanghai, UTC+08:00)</c> (the offset in force now).</summary>
    public static string ResetStatement(TimeZoneInfo zone, DateTime utcNow) => ResetText(zone, utcNow).ToString();

    /// <summary>The same, translated when read (an email renders it in its recipient's language).</summary>
    public static Phrase ResetText(TimeZoneInfo zone, DateTime utcNow)
    {
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc));
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return new Phrase("Resets 00:00 on the 1st ({0}, UTC{1})", zone.Id, sign + offset.Duration().ToString("hh\\:mm", CultureInfo.InvariantCulture));
    }

    // A midnight that a daylight-saving jump skips starts the month at the first valid local time after it.
    private static DateTime LocalToUtc(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
