using System.Globalization;

namespace PartnerCenter.Core.Common;

/// <summary>
/// IANA time zones: the default zone of a country and a safe lookup. Stored times stay UTC;
/// a zone is only for showing them and for periods defined in local time (budget months).
/// </summary>
public static class TimeZones
{
    public const string Utc = "Etc/UTC";
    public const int IdMaxLength = 64;

    // The main (capital's) zone of the countries partners and customers come from; others fall back to UTC.
    private static readonly Dictionary<string, string> ByCountry = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CN"] = "Asia/Shanghai", ["HK"] = "Asia/Hong_Kong", ["MO"] = "Asia/Macau", ["TW"] = "Asia/Taipei",
        ["SG"] = "Asia/Singapore", ["MY"] = "Asia/Kuala_Lumpur", ["ID"] = "Asia/Jakarta", ["TH"] = "Asia/Bangkok",
        ["VN"] = "Asia/Ho_Chi_Minh", ["PH"] = "Asia/Manila", ["JP"] = "Asia/Tokyo", ["KR"] = "Asia/Seoul",
        ["IN"] = "Asia/Kolkata", ["AE"] = "Asia/Dubai", ["SA"] = "Asia/Riyadh", ["AU"] = "Australia/Sydney",
        ["NZ"] = "Pacific/Auckland", ["GB"] = "Europe/London", ["IE"] = "Europe/Dublin", ["DE"] = "Europe/Berlin",
        ["FR"] = "Europe/Paris", ["ES"] = "Europe/Madrid", ["IT"] = "Europe/Rome", ["NL"] = "Europe/Amsterdam",
        ["CH"] = "Europe/Zurich", ["US"] = "America/New_York", ["CA"] = "America/Toronto",
        ["MX"] = "America/Mexico_City", ["BR"] = "America/Sao_Paulo",
    };

    /// <summary>The default zone of a country (ISO 3166 alpha-2); UTC when unknown.</summary>
    public static string ForCountry(string? countryCode) =>
        countryCode is not null && ByCountry.TryGetValue(countryCode.Trim(), out var id) ? id : Utc;

    public static bool IsKnown(string? id) => id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>The zone with this IANA id; UTC when the id is unknown to this machine.</summary>
    public static TimeZoneInfo Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The offset of <paramref name="zone"/> at that UTC moment, as pages name it: "(UTC+08:00)".</summary>
    public static string OffsetLabel(DateTime utc, TimeZoneInfo zone)
    {
        var offset = zone.GetUtcOffset(AsUtc(utc));
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"(UTC{sign}{offset.Duration():hh\\:mm})";
    }

    /// <summary>A UTC moment as every page and email shows it: local to the reader, zone named: "2026-12-16 21:58 (UTC+08:00)".</summary>
    public static string Format(DateTime utc, TimeZoneInfo zone, bool seconds = false) =>
        ToLocal(utc, zone).ToString(seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + OffsetLabel(utc, zone);

    /// <summary>The reader's calendar date of a UTC moment: "2026-12-16".</summary>
    public static string FormatDate(DateTime utc, TimeZoneInfo zone) =>
        ToLocal(utc, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), zone);

    /// <summary>The UTC moment the reader's local day containing <paramref name="utc"/> ends (their next midnight).</summary>
    public static DateTime EndOfLocalDay(DateTime utc, TimeZoneInfo zone)
    {
        var nextMidnight = ToLocal(utc, zone).Date.AddDays(1);
        while (zone.IsInvalidTime(nextMidnight))
        {
            // A zone whose clocks jump over midnight: the day ends at the first moment that exists.
            nextMidnight = nextMidnight.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(nextMidnight, DateTimeKind.Unspecified), zone);
    }

    /// <summary>The zones a user can choose (IANA ids of this machine), by their offset now, then by name.</summary>
    public static IReadOnlyList<TimeZoneInfo> Choosable(DateTime nowUtc) =>
        TimeZoneInfo.GetSystemTimeZones()
            .Where(z => z.Id.Contains('/', StringComparison.Ordinal) && !z.Id.StartsWith("Etc/", StringComparison.Ordinal)
                        || z.Id == Utc)
            .OrderBy(z => z.GetUtcOffset(AsUtc(nowUtc))).ThenBy(z => z.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>A zone as the profile page lists it: "(UTC+08:00) Asia/Shanghai".</summary>
    public static string Describe(TimeZoneInfo zone, DateTime nowUtc) => $"{OffsetLabel(nowUtc, zone)} {zone.Id}";

    private static DateTime AsUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc);
}

/// <summary>
/// Which zone a reader sees times in (one home of the rule): their own choice; else a customer's (or an
/// anonymous visitor's) browser zone; else their default: a partner user's partner's zone, a
/// customer's account country's zone, UTC for everyone else.
/// </summary>
public static class ReaderZones
{
    /// <summary>The default zone of a user who chose none (without the browser's).</summary>
    public static string DefaultFor(Partners.Partner? partner, Customers.CustomerAccount? account) =>
        partner is not null ? partner.TimeZone.Id
        : account is not null ? TimeZones.ForCountry(account.CountryCode)
        : TimeZones.Utc;

    /// <summary>Customers and visitors who are not signed in follow their browser; staff follow their partner or UTC.</summary>
    public static bool FollowsBrowser(bool signedIn, bool isCustomer) => !signedIn || isCustomer;

    public static string Resolve(string? chosen, string? browser, string? fallback) =>
        TimeZones.IsKnown(chosen) ? chosen!
        : TimeZones.IsKnown(browser) ? browser!
        : TimeZones.IsKnown(fallback) ? fallback!
        : TimeZones.Utc;
}
