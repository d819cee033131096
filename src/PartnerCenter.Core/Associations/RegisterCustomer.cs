using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Invitations;

namespace PartnerCenter.Core.Associations;

/// <summary>
/// A new customer registers from an invitation: the email is the invited address and cannot be
/// changed; the password follows Identity's rules. Creates the platform account and the sign-in.
/// </summary>
public sealed class RegisterCustomer(IAppDb db, UnitOfWork unit, UserManager<AppUser> users, InvitationQueries invitations, TimeProvider clock)
{
    public static readonly Error AlreadyRegistered = new("already_registered",
        "An account with this email address already exists. Sign in instead.");

    public async Task<Result<AppUser>> ExecuteAsync(string token, string name, string password, CancellationToken ct)
    {
        if (PersonName.Problem(name) is { } nameProblem)
        {
            return Error.InField("FullName", "invalid_name", Phrase.Verbatim(nameProblem));
        }

        var landing = await invitations.OpenAsync(token, ct);
        if (!landing.IsSuccess)
        {
            return landing.Error!;
        }

        var email = landing.Value!.CustomerEmail;
        if (await users.FindByEmailAsync(email) is not null)
        {
            return AlreadyRegistered;
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name.Trim(),
        };
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password);
            problems.AddRange(check.Errors.Select(e => e.Description));
        }

        if (problems.Count > 0)
        {
            return Error.InField("Password", "password_rules", Phrase.Verbatim(string.Join(" ", problems)));
        }

        // The account and the sign-in are created together or not at all.
        return await unit.RunAsync(innerCt => CreateAsync(user, password, email, name, landing.Value.InvitationId, innerCt), ct);
    }

    private async Task<Result<AppUser>> CreateAsync(AppUser user, string password, string email, string name, Guid invitationId, CancellationToken ct)
    {
        var region = await db.Invitations.Where(i => i.Id == invitationId)
            .Join(db.Preregistrations, i => i.PreregistrationId, p => p.Id, (i, p) => p.MobileRegion)
            .FirstAsync(ct);
        var account = await db.CustomerAccounts.FirstOrDefaultAsync(a => a.Email == email, ct);
        if (account is null)
        {
            account = new CustomerAccount { Email = email, Name = name.Trim(), CountryCode = region, RegisteredAt = clock.UtcNow() };
            db.CustomerAccounts.Add(account);
            await db.SaveChangesAsync(ct);
        }

        user.CustomerAccountId = account.Id;
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new Error("registration_failed", Phrase.Verbatim(string.Join(" ", created.Errors.Select(e => e.Description))));
        }

        await users.AddToRoleAsync(user, Roles.Customer);
        return user;
    }
}
