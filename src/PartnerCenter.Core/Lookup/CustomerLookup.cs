using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Partners;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Lookup;

/// <param name="ReviewTriggers">The triggers that apply whoever preregisters: those read from the account's facts.</param>
/// <param name="Account">
/// The platform account, if any. Only with one is the customer's country known (a partner would need a
/// country review unless it develops business there); without one nothing about a review is known.
/// </param>
public sealed record LookupResult(
    string Email, bool CanPreregister, IReadOnlyList<Error> Causes, IReadOnlyList<ReviewTrigger> ReviewTriggers,
    string? HeldBy, DateTime? HeldUntil, PreregistrationStatus? HeldStatus, string? AssociatedWith, CustomerAccount? Account);

/// <summary>Why a customer can or cannot be preregistered, and who holds it (the ecosystem manager's lookup).</summary>
public sealed class CustomerLookup(IAppDb db, TimeProvider clock)
{
    public async Task<LookupResult> ExecuteAsync(string email, CancellationToken ct)
    {
        var normalized = EmailAddress.Normalize(email);
        var now = clock.UtcNow();
        var account = await db.CustomerAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Email == normalized, ct);
        var holder = await (from p in PreregistrationQueries.Open(db.Preregistrations.AsNoTracking(), now)
                            join partner in db.Partners on p.PartnerId equals partner.Id
                            where p.CustomerEmail == normalized
                            select new { partner.Name, p.ExpiresAt, p.Status })
            .FirstOrDefaultAsync(ct);
        var associatedWith = account?.AssociatedPartnerId is { } partnerId
            ? await db.Partners.Where(p => p.Id == partnerId).Select(p => p.Name).FirstOrDefaultAsync(ct)
            : null;

        // Judged for a neutral partner: every cause that holds for anyone. The country trigger depends on
        // the partner (and, without an account, on the mobile number a partner enters), so it is left out.
        var neutral = new Partners.Partner { Id = 0, Name = "", BusinessCountries = account?.CountryCode ?? "" };
        var verdict = PreregistrationRules.Evaluate(neutral, account, holder is not null, account?.CountryCode ?? "", now);
        var triggers = verdict.ReviewTriggers.Where(t => t != ReviewTrigger.Country).ToList();
        return new LookupResult(normalized, !verdict.IsRefused, verdict.Refusals, triggers,
            holder?.Name, holder?.ExpiresAt, holder?.Status, associatedWith, account);
    }
}
