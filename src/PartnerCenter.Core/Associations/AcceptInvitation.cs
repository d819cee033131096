using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Mail;
using PartnerCenter.Core.Partners;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Associations;

public sealed record AssociationSuccess(string PartnerName, DateTime AssociatedAt);

/// <summary>
/// The customer confirms an invitation (DOMAIN.md, "The customer's side"). Everything is checked
/// again at this moment; a failure is shown to the customer and recorded for the partner's History
/// Records. The link, the preregistration and the account carry concurrency tokens, so double
/// clicks, two tabs or two customers racing for one link end in exactly one association.
/// </summary>
public sealed class AcceptInvitation(IAppDb db, IEmailRenderer renderer, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<AssociationSuccess>> ExecuteAsync(string token, string customerUserId, bool consent, CancellationToken ct)
    {
        if (!consent)
        {
            return AssociationErrors.ConsentRequired;
        }

        var hash = Invitation.Hash(token ?? "");
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == customerUserId, ct);
        if (user?.CustomerAccountId is null)
        {
            return AssociationErrors.NotACustomer;
        }

        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(() => AssociateAsync(hash, token ?? "", user.Id, user.Email ?? "", user.CustomerAccountId.Value, ct));
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else used this link (or associated this customer) a moment earlier.
            return InvitationErrors.Used;
        }
    }

    private async Task<Result<AssociationSuccess>> AssociateAsync(byte[] hash, string token, string userId, string userEmail, int accountId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null || !invitation.Matches(token))
        {
            return InvitationErrors.NotFound;
        }

        var now = clock.UtcNow();
        var preregistration = await db.Preregistrations.FirstAsync(p => p.Id == invitation.PreregistrationId, ct);
        var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == invitation.PartnerId, ct);
        var account = await db.CustomerAccounts.FirstAsync(a => a.Id == accountId, ct);

        var failure = invitation.ProblemAt(now)
                      ?? (preregistration.StatusAt(now) == PreregistrationStatus.Preregistered ? null : InvitationErrors.Expired)
                      ?? (EmailAddress.Normalize(userEmail) == preregistration.CustomerEmail ? null : AssociationErrors.DifferentEmail)
                      ?? (partner.IsPrepaid ? InvitationErrors.PrepaidPartner : null)
                      ?? Ineligibility(partner, account, preregistration.MobileRegion, now);
        if (failure is not null && invitation.Status == InvitationStatus.Used && preregistration.Status == PreregistrationStatus.Associated)
        {
            // A double click or second tab after this very link associated: nothing failed, so no History row.
            return failure;
        }

        if (failure is not null)
        {
            Record(preregistration, now, failure);
            audit.Record(userId, partner.Id, "AssociationFailed", nameof(Preregistration), preregistration.Id.ToString(), after: new { failure.Code });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return failure;
        }

        invitation.MarkUsed(now);
        db.InvitationEvents.Add(InvitationEvent.For(invitation, InvitationEventKind.Used, now));
        foreach (var other in await db.Invitations
                     .Where(i => i.PreregistrationId == preregistration.Id && i.Id != invitation.Id && i.Status == InvitationStatus.Active)
                     .ToListAsync(ct))
        {
            other.Revoke(now);
            db.InvitationEvents.Add(InvitationEvent.For(other, InvitationEventKind.Revoked, now, "Customer associated through another link"));
        }

        preregistration.MarkAssociated(now);
        var before = new { account.AssociatedPartnerId, account.IsFrozen };
        account.AssociatedPartnerId = partner.Id;
        account.AssociatedAt = now;
        account.IsFrozen = true;
        account.Version++;
        Record(preregistration, now, null);
        audit.Record(userId, partner.Id, "CustomerAssociated", nameof(CustomerAccount), account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            before, new { account.AssociatedPartnerId, account.IsFrozen, PreregistrationId = preregistration.Id });
        await NotifyPartnerAsync(partner, preregistration, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new AssociationSuccess(partner.Name, now);
    }

    /// <summary>Every refusal cause of preregistration, plus the causes that only matter at association.</summary>
    public static Error? Ineligibility(Partner partner, CustomerAccount account, string mobileRegion, DateTime now)
    {
        var verdict = PreregistrationRules.Evaluate(partner, account, heldByAnotherPartner: false, mobileRegion, now);
        if (verdict.IsRefused)
        {
            return verdict.Refusals[0];
        }

        if (account.AssociatedPartnerId == partner.Id)
        {
            return PreregistrationErrors.AlreadyYourCustomer;
        }

        return account switch
        {
            { IsPartnerOrApplicant: true } => AssociationErrors.PartnerOrApplicant,
            { HasSpecialContract: true } => AssociationErrors.SpecialContract,
            { IsInternalAccount: true } => AssociationErrors.InternalAccount,
            { EnterpriseMasterLink: EnterpriseMasterLink.MasterWithIndependentMembers } => AssociationErrors.IndependentMaster,
            _ => null,
        };
    }

    private void Record(Preregistration preregistration, DateTime now, Error? failure) =>
        db.AssociationAttempts.Add(new AssociationAttempt
        {
            PartnerId = preregistration.PartnerId,
            PreregistrationId = preregistration.Id,
            CustomerName = preregistration.CustomerName,
            CustomerEmail = preregistration.CustomerEmail,
            At = now,
            Succeeded = failure is null,
            Cause = failure?.Message,
            SuggestedOperation = failure is null ? null : AssociationErrors.SuggestionFor(failure),
        });


    private async Task NotifyPartnerAsync(Partner partner, Preregistration preregistration, DateTime now, CancellationToken ct)
    {
        if (partner.ReservedEmail is null)
        {
            return;
        }

        var email = await renderer.RenderAsync(new AssociatedEmail(partner.Name, preregistration.CustomerName, preregistration.CustomerEmail, now), ct);
        db.OutboxMessages.Add(OutboxMessage.For(email, partner.ReservedEmail, now));
    }
}
