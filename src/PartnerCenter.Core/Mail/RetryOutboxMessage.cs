using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Invitations;

namespace PartnerCenter.Core.Mail;

/// <summary>
/// The platform administrator puts a failed email back in the queue (the Outbox page's Retry): it gets a
/// fresh set of attempts. An invitation whose link is no longer active is not resent (it would deliver a
/// dead link); the message is closed instead.
/// </summary>
public sealed class RetryOutboxMessage(IAppDb db, UnitOfWork unit, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<OutboxMessage>> ExecuteAsync(string operatorId, Guid id, CancellationToken ct)
    {
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return Error.NotFound("Message");
        }

        var now = clock.UtcNow();
        var invitation = message.InvitationId is { } invitationId ? await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId, ct) : null;
        if (message.CanRetry && invitation is not null && invitation.StatusAt(now) != InvitationStatus.Active)
        {
            message.DropBodies();
            await db.SaveChangesAsync(ct);
            return OutboxMessage.LinkNoLongerActive;
        }

        var before = new { Status = message.Status.ToString(), message.Attempts, message.LastError };
        var retried = message.Retry(now);
        if (retried is not null)
        {
            return retried;
        }

        invitation?.MarkDeliveryQueued();
        audit.Record(operatorId, invitation?.PartnerId, "OutboxMessageRetried", nameof(OutboxMessage), id.ToString(),
            before, new { Status = message.Status.ToString(), message.Attempts });
        return await unit.SaveAsync(message, ct);
    }
}
