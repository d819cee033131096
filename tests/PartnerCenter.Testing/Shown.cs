using PartnerCenter.Core.Common;

namespace PartnerCenter.Testing;

/// <summary>A UTC moment as pages and emails show it to a reader in a zone: "2031-03-29 10:30 (UTC+01:00)".</summary>
public static class Shown
{
    /// <summary>Northwind develops business in DE: its users, its reserved email and its invitations read Berlin time, as do DE customers.</summary>
    public static string ToNorthwind(DateTime utc) => In("Europe/Berlin", utc);

    /// <summary>Ecosystem managers who chose no zone, and visitors whose browser sent none, read UTC.</summary>
    public static string InUtc(DateTime utc) => In(TimeZones.Utc, utc);

    public static string In(string zone, DateTime utc) => TimeZones.Format(utc, TimeZones.Find(zone));
}
