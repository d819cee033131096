namespace PartnerCenter.Web.Security;

public static class AppClaims
{
    public const string PartnerId = "partner_id";
    public const string DisplayName = "display_name";
    public const string PartnerName = "partner_name";
}
