using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Invitations;

/// <summary>A link the partner passes on by its own means (and its QR code).</summary>
public sealed record InvitationLink(Guid PreregistrationId, string CustomerName, string Url, DateTime ExpiresAt);

/// <summary>
/// <b>New link</b>: mints a fresh hyperlink (and so a QR code) and revokes every link issued before it
/// for the same customer (their queued emails are cancelled), so exactly one link is live afterwards.
/// </summary>
public sealed class CreateInvitationLink(
    IAppDb db, PreregistrationQueries preregistrations, UnitOfWork unit, InvitationIssuer issuer, InvitationRevoker revoker, AuditLog audit, TimeProvider clock)
{
    public const string ReplacedReason = "Replaced by a new link";

    public async Task<Result<InvitationLink>> ExecuteAsync(string userId, int partnerId, Guid preregistrationId, CancellationToken ct)
    {
        var owned = await preregistrations.OwnWithPartnerAsync(partnerId, preregistrationId, ct);
        if (!owned.IsSuccess)
        {
            return owned.Error!;
        }

        var (record, partner) = owned.Value;
        if (record.CheckInvitable(partner, clock.UtcNow()) is { } early)
        {
            return early;
        }

        // The token is minted and protected before the transaction, as every issuer does.
        var prepared = await issuer.PrepareAsync(record, partner, InvitationChannel.Link, clock.UtcNow(), ct);
        return await unit.RunAsync(async token =>
        {
            // The partner's row lock serialises two New link clicks, so the second revokes the first's link.
            await db.Partners.Where(p => p.Id == partnerId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.SubmissionLock, p => p.SubmissionLock + 1), token);
            var now = clock.UtcNow();
            var current = await db.Preregistrations.AsNoTracking().OwnedBy(partnerId).FirstOrDefaultAsync(p => p.Id == preregistrationId, token);
            var owner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == partnerId, token);
            if (current is null)
            {
                return Error.NotFound("Preregistration");
            }

            if (current.CheckInvitable(owner, now) is { } problem)
            {
                return problem;
            }

            // Live links only: an expired one keeps reading as Expired in the history.
            var previous = await db.Invitations
                .Where(i => i.PreregistrationId == preregistrationId)
                .Where(Invitation.ActiveAt(now))
                .ToListAsync(token);
            await revoker.RevokeAsync(previous, ReplacedReason, now, token);
            var invitation = issuer.Add(prepared, current, userId, now);
            audit.Record(userId, partnerId, "InvitationLinkCreated", nameof(Invitation), invitation.Id.ToString(),
                after: new { PreregistrationId = current.Id, Channel = nameof(InvitationChannel.Link), Revoked = previous.Select(p => p.Id).ToList() });
            return Result<InvitationLink>.Ok(new InvitationLink(current.Id, current.CustomerName, prepared.Link, invitation.ExpiresAt));
        }, ct);
    }
}
