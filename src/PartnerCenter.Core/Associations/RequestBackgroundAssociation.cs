using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Associations;

/// <summary>The partner asks for association in the background, so the customer's services are never interrupted.</summary>
public sealed class RequestBackgroundAssociation(IAppDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<BackgroundAssociationTicket>> ExecuteAsync(string userId, int partnerId, Guid preregistrationId, string reason, string contact, CancellationToken ct)
    {
        var record = await db.Preregistrations.AsNoTracking()
            .OwnedBy(partnerId).FirstOrDefaultAsync(p => p.Id == preregistrationId, ct);
        if (record is null)
        {
            return Error.NotFound("Preregistration");
        }

        if (await db.Partners.AnyAsync(p => p.Id == partnerId && p.IsPrepaid, ct))
        {
            return Invitations.InvitationErrors.PrepaidPartner;
        }

        var now = clock.UtcNow();
        if (record.StatusAt(now) != PreregistrationStatus.Preregistered)
        {
            return new Error("not_preregistered", "Only Preregistered customers can be associated in the background.");
        }

        if (await db.BackgroundAssociationTickets.AnyAsync(t => t.PreregistrationId == preregistrationId && t.Status == TicketStatus.Open, ct))
        {
            return new Error("ticket_open", "A background association request for this customer is already open.");
        }

        var ticket = new BackgroundAssociationTicket
        {
            PartnerId = partnerId,
            PreregistrationId = preregistrationId,
            Reason = reason.Trim(),
            Contact = contact.Trim(),
            CreatedByUserId = userId,
            CreatedAt = now,
        };
        db.BackgroundAssociationTickets.Add(ticket);
        audit.Record(userId, partnerId, "BackgroundAssociationRequested", nameof(BackgroundAssociationTicket), ticket.Id.ToString(),
            after: new { PreregistrationId = preregistrationId });
        await db.SaveChangesAsync(ct);
        return ticket;
    }
}
