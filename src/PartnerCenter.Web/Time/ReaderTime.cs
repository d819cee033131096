using System.Globalization;
using System.Security.Claims;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Common;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Time;

/// <summary>
/// The one display home of times on pages: the reader's zone (see <see cref="ReaderZones"/>), read per
/// request from the auth cookie's claims and, for customers and visitors, the browser's zone cookie that
/// site.js sets; no database lookup. Stored times stay UTC.
/// </summary>
public sealed class ReaderTime(IHttpContextAccessor http)
{
    /// <summary>The cookie site.js writes with the browser's IANA zone (Intl.DateTimeFormat().resolvedOptions().timeZone).</summary>
    public const string BrowserZoneCookie = "pc.tz";

    private TimeZoneInfo? zone;

    public TimeZoneInfo Zone => zone ??= TimeZones.Find(Resolve(http.HttpContext));

    /// <summary>"2026-12-16 21:58 (UTC+08:00)".</summary>
    public string Format(DateTime utc, bool seconds = false) => TimeZones.Format(utc, Zone, seconds);

    /// <summary>The same; nothing for no moment.</summary>
    public string Format(DateTime? utc) => utc is { } moment ? Format(moment) : "";

    /// <summary>The reader's calendar date: "2026-12-16".</summary>
    public string FormatDate(DateTime utc) => TimeZones.FormatDate(utc, Zone);

    /// <summary>The machine-readable form for a time element's datetime attribute: UTC, whole seconds ("2026-12-16T13:58:00Z").</summary>
    public static string MachineReadable(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Resolve(HttpContext? context)
    {
        var user = context?.User;
        var signedIn = user?.Identity?.IsAuthenticated == true;
        var browser = ReaderZones.FollowsBrowser(signedIn, user?.IsInRole(Roles.Customer) == true)
            ? context?.Request.Cookies[BrowserZoneCookie]
            : null;
        return ReaderZones.Resolve(user?.FindFirstValue(AppClaims.TimeZone), browser, user?.FindFirstValue(AppClaims.DefaultTimeZone));
    }
}
