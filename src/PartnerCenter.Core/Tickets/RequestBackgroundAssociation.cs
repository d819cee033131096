using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Tickets;

/// <summary>The partner asks for association in the background, so the customer's services are never interrupted.</summary>
public sealed class RequestBackgroundAssociation(IAppDb db, PreregistrationQueries preregistrations, UnitOfWork unit, AuditLog audit, TimeProvider clock)
{
    public static readonly Error AlreadyOpen = new("ticket_open", "A background association request for this customer is already open.");

    public async Task<Result<BackgroundAssociationTicket>> ExecuteAsync(string userId, int partnerId, Guid preregistrationId, string reason, string contact, CancellationToken ct)
    {
        var owned = await preregistrations.OwnWithPartnerAsync(partnerId, preregistrationId, ct);
        if (!owned.IsSuccess)
        {
            return owned.Error!;
        }

        var (record, partner) = owned.Value;
        var now = clock.UtcNow();
        if (record.CheckCanRequestBackgroundAssociation(partner, now) is { } problem)
        {
            return problem;
        }

        if (await db.BackgroundAssociationTickets.AnyAsync(t => t.PreregistrationId == preregistrationId && t.Status == TicketStatus.Open, ct))
        {
            return AlreadyOpen;
        }

        var ticket = BackgroundAssociationTicket.Open(partnerId, preregistrationId, reason, contact, userId, now);
        db.BackgroundAssociationTickets.Add(ticket);
        audit.Record(userId, partnerId, "BackgroundAssociationRequested", nameof(BackgroundAssociationTicket), ticket.Id.ToString(),
            after: new { PreregistrationId = preregistrationId });
        return await unit.SaveAsync(ticket, ct);
    }
}
