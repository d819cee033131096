namespace PartnerCenter.Web.Security;

public static class AppClaims
{
    public const string PartnerId = "partner_id";
    public const string DisplayName = "display_name";
    public const string PartnerName = "partner_name";

    /// <summary>The zone the user chose on the profile page (absent: none chosen).</summary>
    public const string TimeZone = "time_zone";

    /// <summary>The language the user saved (profile page or the header's switch); absent: none, pages follow the browser.</summary>
    public const string Language = "language";

    /// <summary>The user's default zone: their partner's, their customer account country's, or UTC.</summary>
    public const string DefaultTimeZone = "default_time_zone";
}
