using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Mail;

namespace PartnerCenter.Core.Invitations;

/// <summary>
/// Voids every active link of some preregistrations, in the caller's unit of work: each gets a Revoked
/// history event, and its emails not yet sent are cancelled (they would only deliver a dead link).
/// Used when a record is deleted, when a customer is associated (through a link or in the background),
/// when the partner issues a new link (the previous ones go) and when the partner revokes one link.
/// </summary>
public sealed class InvitationRevoker(IAppDb db)
{
    /// <param name="reason">The history line, e.g. "Preregistration deleted".</param>
    /// <param name="except">The link that is being used, when a customer associates through it.</param>
    public async Task RevokeAsync(IReadOnlyCollection<Guid> preregistrationIds, string reason, DateTime now, CancellationToken ct, Guid? except = null)
    {
        var links = await db.Invitations
            .Where(i => preregistrationIds.Contains(i.PreregistrationId) && i.Status == InvitationStatus.Active && i.Id != except)
            .ToListAsync(ct);
        await RevokeAsync(links, reason, now, ct);
    }

    /// <summary>Voids <paramref name="links"/> (tracked), with their history events and queued emails.</summary>
    public async Task RevokeAsync(IReadOnlyCollection<Invitation> links, string reason, DateTime now, CancellationToken ct)
    {
        if (links.Count == 0)
        {
            return;
        }

        var linkIds = links.Select(l => (Guid?)l.Id).ToList();
        var queued = await db.OutboxMessages.Where(m => linkIds.Contains(m.InvitationId) && (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Failed)).ToListAsync(ct);
        foreach (var link in links.Where(l => l.Revoke(now)))
        {
            db.InvitationEvents.Add(InvitationEvent.For(link, InvitationEventKind.Revoked, now, reason));
        }

        foreach (var message in queued)
        {
            // A failed one keeps its last error for the operator but loses the link, so it can no longer be retried.
            if (message.Status == OutboxStatus.Failed)
            {
                message.DropBodies();
            }
            else
            {
                message.Cancel($"Cancelled: {reason}.");
            }
        }
    }
}
