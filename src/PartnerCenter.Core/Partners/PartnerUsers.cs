using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Partners;

public sealed record PartnerUserSummary(string Id, string Name, string Email, bool IsAdmin, bool HasCustomerDevelopment);

/// <summary>The partner's users and their Customer Development permission.</summary>
public sealed class PartnerUsers(IAppDb db, AuditLog audit)
{
    public async Task<IReadOnlyList<PartnerUserSummary>> ListAsync(int partnerId, CancellationToken ct)
    {
        var adminIds = await AdminIdsAsync(partnerId, ct);
        var users = await db.Users.AsNoTracking().Where(u => u.PartnerId == partnerId).OrderBy(u => u.DisplayName).ToListAsync(ct);
        return users.Select(u => new PartnerUserSummary(u.Id, u.DisplayName, u.Email ?? "", adminIds.Contains(u.Id),
            adminIds.Contains(u.Id) || u.HasCustomerDevelopment)).ToList();
    }

    public async Task<Result<AppUser>> SetCustomerDevelopmentAsync(string actorId, int partnerId, string userId, bool grant, CancellationToken ct)
    {
        // Another partner's user is "not found", never "forbidden": nothing about it leaks.
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.PartnerId == partnerId, ct);
        if (user is null)
        {
            return Error.NotFound("User");
        }

        if ((await AdminIdsAsync(partnerId, ct)).Contains(user.Id))
        {
            return new Error("admin_permission", "Partner admins always have Customer Development; it cannot be withdrawn.");
        }

        var before = user.HasCustomerDevelopment;
        user.HasCustomerDevelopment = grant;
        audit.Record(actorId, partnerId, grant ? "PermissionGranted" : "PermissionWithdrawn", "User", user.Id,
            new { CustomerDevelopment = before }, new { CustomerDevelopment = grant });
        await db.SaveChangesAsync(ct);
        return user;
    }

    private async Task<HashSet<string>> AdminIdsAsync(int partnerId, CancellationToken ct) =>
        (await db.Users
            .Where(u => u.PartnerId == partnerId)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.PartnerAdmin)))
            .Select(u => u.Id)
            .ToListAsync(ct)).ToHashSet();
}
