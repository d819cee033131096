using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Accounts;

/// <summary>A signed-in user picks a language with the header's switch: it becomes their saved language, as on the profile page.</summary>
public sealed class ChooseLanguage(IAppDb db, UnitOfWork unit)
{
    public async Task<Result<AppUser>> ExecuteAsync(string userId, string language, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return Error.NotFound("User");
        }

        if (user.ChooseLanguage(language) is { } refused)
        {
            return refused;
        }

        return await unit.SaveAsync(user, ct);
    }
}
