using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Accounts;

/// <summary>What a user sets on their profile page; the email preferences only matter to partner users.</summary>
public sealed record ProfileChange(string? TimeZoneId, bool EmailOnReviewDecided, bool EmailOnCustomerAssociated);

/// <summary>A signed-in user saves their profile: their time zone and (partner users) which partner emails they get.</summary>
public sealed class UpdateProfile(IAppDb db, UnitOfWork unit)
{
    public async Task<Result<AppUser>> ExecuteAsync(string userId, ProfileChange change, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return Error.NotFound("User");
        }

        if (user.ChooseTimeZone(change.TimeZoneId) is { } refused)
        {
            return refused;
        }

        if (user.PartnerId is not null)
        {
            user.ReviewDecidedEmailOff = !change.EmailOnReviewDecided;
            user.CustomerAssociatedEmailOff = !change.EmailOnCustomerAssociated;
        }

        return await unit.SaveAsync(user, ct);
    }
}
