using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Partners;

public sealed record PartnerUserSummary(string Id, string Name, string Email, bool IsAdmin, bool HasCustomerDevelopment);

/// <summary>The partner's users and whether each may develop customers.</summary>
public sealed class PartnerUserQueries(IAppDb db)
{
    public async Task<IReadOnlyList<PartnerUserSummary>> ListAsync(int partnerId, CancellationToken ct)
    {
        var adminIds = await AdminIdsAsync(partnerId, ct);
        var users = await db.Users.AsNoTracking().Where(u => u.PartnerId == partnerId).OrderBy(u => u.DisplayName).ToListAsync(ct);
        return users.Select(u => new PartnerUserSummary(u.Id, u.DisplayName, u.Email ?? "", adminIds.Contains(u.Id),
            adminIds.Contains(u.Id) || u.HasCustomerDevelopment)).ToList();
    }

    public async Task<HashSet<string>> AdminIdsAsync(int partnerId, CancellationToken ct) =>
        (await db.Users
            .Where(u => u.PartnerId == partnerId)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.PartnerAdmin)))
            .Select(u => u.Id)
            .ToListAsync(ct)).ToHashSet();
}
