using PartnerCenter.Core.Accounts;

namespace PartnerCenter.Web.Security;

public static class Policies
{
    public const string PartnerUser = "PartnerUser";
    public const string PartnerAdmin = "PartnerAdmin";
    public const string EcosystemManager = "EcosystemManager";
    public const string PlatformAdministrator = "PlatformAdministrator";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(PartnerUser, p => p.RequireRole(Roles.PartnerAdmin, Roles.PartnerStaff).RequireClaim(AppClaims.PartnerId));
        options.AddPolicy(PartnerAdmin, p => p.RequireRole(Roles.PartnerAdmin).RequireClaim(AppClaims.PartnerId));
        options.AddPolicy(EcosystemManager, p => p.RequireRole(Roles.EcosystemManager));
        options.AddPolicy(PlatformAdministrator, p => p.RequireRole(Roles.PlatformAdministrator));
    }
}
