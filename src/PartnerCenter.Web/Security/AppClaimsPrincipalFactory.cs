using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Infrastructure.Data;

namespace PartnerCenter.Web.Security;

/// <summary>Puts the user's partner and display name into the cookie; permissions are read fresh per request.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        if (user.PartnerId is { } partnerId)
        {
            identity.AddClaim(new Claim(AppClaims.PartnerId, partnerId.ToString(CultureInfo.InvariantCulture)));
            var partner = await db.Partners.FindAsync(partnerId);
            identity.AddClaim(new Claim(AppClaims.PartnerName, partner?.Name ?? ""));
        }

        return identity;
    }
}
