using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Mail;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Associations;

public sealed record AssociationSuccess(string PartnerName, DateTime AssociatedAt);

/// <summary>
/// The customer confirms an invitation (docs/domain.md, "The customer's side"). Everything is checked
/// again at this moment; a failure is shown to the customer and recorded for the partner's History
/// Records. The link, the preregistration and the account carry concurrency tokens, so double
/// clicks, two tabs or two customers racing for one link end in exactly one association.
/// </summary>
public sealed class AcceptInvitation(IAppDb db, UnitOfWork unit, AssociateCustomer associate, PartnerNotices notices, AuditLog audit, PortalMetrics metrics, TimeProvider clock)
{
    public async Task<Result<AssociationSuccess>> ExecuteAsync(string token, string customerUserId, bool consent, CancellationToken ct)
    {
        if (!consent)
        {
            return AssociationErrors.ConsentRequired;
        }

        token ??= "";
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == customerUserId, ct);
        if (user?.CustomerAccountId is not { } accountId)
        {
            return AssociationErrors.NotACustomer;
        }

        // The partner's notice is rendered before the transaction; it is queued only if the association succeeds.
        var hash = Invitation.Hash(token);
        var now = clock.UtcNow();
        var notice = await (from i in db.Invitations
                            join p in db.Preregistrations on i.PreregistrationId equals p.Id
                            join partner in db.Partners on i.PartnerId equals partner.Id
                            where i.TokenHash == hash
                            select new { Partner = partner, p.CustomerName, p.CustomerEmail })
            .AsNoTracking().FirstOrDefaultAsync(ct);
        IReadOnlyList<PreparedNotice> emails = notice is null
            ? []
            : await notices.PrepareAsync(notice.Partner, PartnerNotice.CustomerAssociated,
                zone => new AssociatedEmail(notice.Partner.Name, notice.CustomerName, notice.CustomerEmail, now) { Zone = zone }, ct);

        // Someone else used this link (or associated this customer) a moment earlier.
        var outcome = await unit.RunAsync(
            innerCt => AssociateAsync(hash, token, user.Id, user.Email ?? "", accountId, emails, now, innerCt),
            InvitationErrors.Used, ct);
        var failure = outcome.IsSuccess ? outcome.Value!.Failure : outcome.Error;
        metrics.Association("link", failure);
        if (failure is null)
        {
            metrics.Invitation("used");
            return outcome.Value!.Success!;
        }

        return failure;
    }

    /// <summary>A failure is a committed outcome too: its History Records row is kept.</summary>
    private sealed record Outcome(AssociationSuccess? Success, Error? Failure);

    private async Task<Result<Outcome>> AssociateAsync(
        byte[] hash, string token, string userId, string userEmail, int accountId, IReadOnlyList<PreparedNotice> emails, DateTime now, CancellationToken ct)
    {
        var found = await InvitationQueries.LinkWithRecord(db, hash).FirstOrDefaultAsync(ct);
        if (found is null || !found.Invitation.Matches(token))
        {
            return InvitationErrors.NotFound;
        }

        var (invitation, preregistration) = (found.Invitation, found.Preregistration);
        var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == invitation.PartnerId, ct);
        var account = await db.CustomerAccounts.FirstAsync(a => a.Id == accountId, ct);

        var failure = invitation.ProblemWith(preregistration, now)
                      ?? (EmailAddress.Normalize(userEmail) == preregistration.CustomerEmail ? null : AssociationErrors.DifferentEmail)
                      ?? AssociateCustomer.Problem(preregistration, partner, account, now);
        if (failure is not null && invitation.Status == InvitationStatus.Used && preregistration.Status == PreregistrationStatus.Associated)
        {
            // A double click or second tab after this very link associated: nothing failed, so no History row.
            return AssociationErrors.ForCustomer(failure);
        }

        if (failure is not null)
        {
            db.AssociationAttempts.Add(AssociationAttempt.Failed(preregistration, now, failure));
            audit.Record(userId, partner.Id, "AssociationFailed", nameof(Preregistration), preregistration.Id.ToString(), after: new { failure.Code });
            return new Outcome(null, AssociationErrors.ForCustomer(failure));
        }

        var associated = await associate.ExecuteAsync(preregistration, partner, account, new AssociationRoute(invitation, userId), now, ct);
        if (!associated.IsSuccess)
        {
            return AssociationErrors.ForCustomer(associated.Error!);
        }

        notices.Queue(emails, now);

        return new Outcome(new AssociationSuccess(partner.Name, now), null);
    }
}
