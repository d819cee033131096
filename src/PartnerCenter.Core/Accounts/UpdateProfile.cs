using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Accounts;

/// <summary>What a user sets on their profile page; the email preferences only matter to partner users.</summary>
/// <param name="Language">The language chosen (<see cref="Languages"/>); null or empty: none chosen, pages follow the browser.</param>
public sealed record ProfileChange(string? TimeZoneId, bool EmailOnReviewDecided, bool EmailOnCustomerAssociated, bool ClaimReminders = true, string? Language = null);

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

        if ((user.ChooseTimeZone(change.TimeZoneId) ?? user.ChooseLanguage(change.Language)) is { } refused)
        {
            return refused;
        }

        if (user.PartnerId is not null)
        {
            user.ReviewDecidedEmailOff = !change.EmailOnReviewDecided;
            user.CustomerAssociatedEmailOff = !change.EmailOnCustomerAssociated;
            user.ClaimReminderEmailOff = !change.ClaimReminders;
        }

        return await unit.SaveAsync(user, ct);
    }
}
