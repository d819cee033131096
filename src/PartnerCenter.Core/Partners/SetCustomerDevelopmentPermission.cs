using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Partners;

/// <summary>A partner admin grants or withdraws a staff member's Customer Development permission.</summary>
public sealed class SetCustomerDevelopmentPermission(IAppDb db, PartnerUserQueries users, UnitOfWork unit, AuditLog audit)
{
    public static readonly Error AdminAlwaysHasIt = new("admin_permission", "Partner admins always have Customer Development; it cannot be withdrawn.");

    public async Task<Result<AppUser>> ExecuteAsync(string actorId, int partnerId, string userId, bool grant, CancellationToken ct)
    {
        // Another partner's user is "not found", never "forbidden": nothing about it leaks.
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.PartnerId == partnerId, ct);
        if (user is null)
        {
            return Error.NotFound("User");
        }

        if ((await users.AdminIdsAsync(partnerId, ct)).Contains(user.Id))
        {
            return AdminAlwaysHasIt;
        }

        var before = user.HasCustomerDevelopment;
        user.HasCustomerDevelopment = grant;
        audit.Record(actorId, partnerId, grant ? "PermissionGranted" : "PermissionWithdrawn", "User", user.Id,
            new { CustomerDevelopment = before }, new { CustomerDevelopment = grant });
        return await unit.SaveAsync(user, ct);
    }
}
