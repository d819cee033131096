using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Reviews;

namespace PartnerCenter.Core.Tickets;

/// <summary>The ecosystem manager declines a background association ticket with a reason the partner sees.</summary>
public sealed class DeclineTicket(UnitOfWork unit, TicketQueries tickets, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<BackgroundAssociationTicket>> ExecuteAsync(string managerId, Guid ticketId, string reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > BackgroundAssociationTicket.ReasonMaxLength)
        {
            return DecideReview.ReasonRequired;
        }

        var ticket = await tickets.FindForManagerAsync(managerId, ticketId, ct);
        if (ticket is null)
        {
            return Error.NotFound("Ticket");
        }

        var declined = ticket.Decline(managerId, reason, clock.UtcNow());
        if (!declined.IsSuccess)
        {
            return declined;
        }

        audit.Record(managerId, ticket.PartnerId, "BackgroundAssociationDeclined", nameof(BackgroundAssociationTicket), ticket.Id.ToString(),
            new { Status = nameof(TicketStatus.Open) }, new { Status = nameof(TicketStatus.Declined), Reason = ticket.DeclineReason });
        return await unit.SaveAsync(ticket, ct, BackgroundAssociationTicket.NotOpen);
    }
}
