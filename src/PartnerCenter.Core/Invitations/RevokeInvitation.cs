using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Invitations;

/// <summary>What was revoked: the link's record (its history is where the partner goes back to) and how it was sent.</summary>
public sealed record RevokedInvitation(Guid PreregistrationId, InvitationChannel Channel);

/// <summary>
/// The partner revokes one active link from the invitation history; the customer then reads it as not valid.
/// Revoking an email invitation is what the history calls <b>Cancel</b> (docs/domain.md §4.4): the same
/// revoker also cancels its email if it is still queued, so it is never sent.
/// </summary>
public sealed class RevokeInvitation(IAppDb db, UnitOfWork unit, InvitationRevoker revoker, AuditLog audit, TimeProvider clock)
{
    public const string Reason = "Revoked by the partner";
    public const string CancelReason = "Cancelled by the partner";

    public Task<Result<RevokedInvitation>> ExecuteAsync(string userId, int partnerId, Guid invitationId, CancellationToken ct) =>
        unit.RunAsync(async token =>
        {
            var invitation = await (from i in db.Invitations
                                    join p in db.Preregistrations.OwnedBy(partnerId) on i.PreregistrationId equals p.Id
                                    where i.Id == invitationId
                                    select i).FirstOrDefaultAsync(token);
            if (invitation is null)
            {
                return Error.NotFound("Invitation");
            }

            var now = clock.UtcNow();
            if (invitation.CheckRevocableAt(now) is { } problem)
            {
                return problem;
            }

            await revoker.RevokeAsync([invitation], invitation.Channel == InvitationChannel.Email ? CancelReason : Reason, now, token);
            audit.Record(userId, partnerId, "InvitationRevoked", nameof(Invitation), invitation.Id.ToString(),
                before: new { Status = nameof(InvitationStatus.Active) },
                after: new { invitation.PreregistrationId, invitation.Channel, Status = nameof(InvitationStatus.Revoked) });
            return Result<RevokedInvitation>.Ok(new RevokedInvitation(invitation.PreregistrationId, invitation.Channel));
        }, InvitationErrors.NotActive, ct);
}
