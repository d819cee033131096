using System.Globalization;
using System.Security.Claims;
using PartnerCenter.Core.Accounts;

namespace PartnerCenter.Web.Security;

public static class ClaimsPrincipalExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");

    /// <summary>The partner a partner user belongs to; every partner query is filtered by it.</summary>
    public static int PartnerId(this ClaimsPrincipal user) =>
        int.Parse(user.FindFirstValue(AppClaims.PartnerId) ?? throw new InvalidOperationException("Not a partner user."), CultureInfo.InvariantCulture);

    public static bool IsPartnerUser(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == AppClaims.PartnerId);

    public static bool IsPartnerAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.PartnerAdmin);

    /// <summary>
    /// The language this user writes to customers in by default: their saved language, else the page's, else English
    /// (the default of the Invite dialog's and the preregistration form's Language).
    /// </summary>
    public static string Language(this ClaimsPrincipal user) =>
        PartnerCenter.Core.Common.Languages.Find(user.FindFirstValue(AppClaims.Language))
        ?? PartnerCenter.Core.Common.Languages.OrDefault(CultureInfo.CurrentUICulture.Name);

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(AppClaims.DisplayName) ?? user.Identity?.Name ?? "";

    public static string? PartnerName(this ClaimsPrincipal user) => user.FindFirstValue(AppClaims.PartnerName);
}
