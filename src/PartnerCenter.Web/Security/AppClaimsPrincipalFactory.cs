using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Partners;
using PartnerCenter.Infrastructure.Data;

namespace PartnerCenter.Web.Security;

/// <summary>
/// Puts the user's partner, display name, time zones and language into the cookie (refreshed when the profile is
/// saved), so no page looks them up; permissions are read fresh per request.
/// </summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        Partner? partner = null;
        if (user.PartnerId is { } partnerId)
        {
            identity.AddClaim(new Claim(AppClaims.PartnerId, partnerId.ToString(CultureInfo.InvariantCulture)));
            partner = await db.Partners.FindAsync(partnerId);
            identity.AddClaim(new Claim(AppClaims.PartnerName, partner?.Name ?? ""));
        }

        var account = user.CustomerAccountId is { } accountId ? await db.CustomerAccounts.FindAsync(accountId) : null;
        identity.AddClaim(new Claim(AppClaims.DefaultTimeZone, ReaderZones.DefaultFor(partner, account)));
        if (user.TimeZoneId is { } chosen)
        {
            identity.AddClaim(new Claim(AppClaims.TimeZone, chosen));
        }

        if (user.Language is { } language)
        {
            identity.AddClaim(new Claim(AppClaims.Language, language));
        }

        return identity;
    }
}
