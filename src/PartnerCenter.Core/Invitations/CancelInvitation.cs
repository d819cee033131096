using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Mail;

namespace PartnerCenter.Core.Invitations;

/// <summary>
/// The partner cancels a sent invitation from the invitation history (docs/domain.md §4.6): the link stops
/// working at once and its email, if still queued, is not sent.
/// </summary>
public sealed class CancelInvitation(IAppDb db, UnitOfWork unit, AuditLog audit, TimeProvider clock)
{
    public const string Reason = "Cancelled by the partner";

    public Task<Result<Invitation>> ExecuteAsync(string userId, int partnerId, Guid invitationId, CancellationToken ct) =>
        unit.RunAsync(async innerCt =>
        {
            var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.PartnerId == partnerId, innerCt);
            if (invitation is null)
            {
                return Error.NotFound("Invitation");
            }

            var now = clock.UtcNow();
            var before = invitation.Status;
            var cancelled = invitation.Cancel(now);
            if (!cancelled.IsSuccess)
            {
                return cancelled;
            }

            db.InvitationEvents.Add(InvitationEvent.For(invitation, InvitationEventKind.Cancelled, now, Reason));
            var queued = await db.OutboxMessages.Where(m => m.InvitationId == invitation.Id && m.Status == OutboxStatus.Pending).ToListAsync(innerCt);
            foreach (var message in queued)
            {
                message.Cancel($"Cancelled: {Reason}.");
            }

            audit.Record(userId, partnerId, "InvitationCancelled", nameof(Invitation), invitation.Id.ToString(),
                before: new { Status = before.ToString() }, after: new { Status = nameof(InvitationStatus.Cancelled) });
            return cancelled;
        }, ct);
}
