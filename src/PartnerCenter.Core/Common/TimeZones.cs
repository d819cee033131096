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
}
