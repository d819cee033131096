namespace PartnerCenter.Web.Security;

public static class AppClaims
{
    public const string PartnerId = "partner_id";
    public const string DisplayName = "display_name";
    public const string PartnerName = "partner_name";

    /// <summary>The zone the user chose on the profile page (absent: none chosen).</summary>
    public const string TimeZone = "time_zone";

    /// <summary>The user's default zone: their partner's, their customer account country's, or UTC.</summary>
    public const string DefaultTimeZone = "default_time_zone";
}
