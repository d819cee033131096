using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Tickets;

/// <summary>The ecosystem manager associates the ticket's customer in the background: not frozen, if still eligible.</summary>
public sealed class ProcessTicket(IAppDb db, UnitOfWork unit, TicketQueries tickets, AssociateCustomer associate, AuditLog audit, PortalMetrics metrics, TimeProvider clock)
{
    public static readonly Error NoAccount = new("no_account", "The customer has no platform account yet, so they cannot be associated in the background.");

    public async Task<Result<BackgroundAssociationTicket>> ExecuteAsync(string managerId, Guid ticketId, CancellationToken ct)
    {
        var result = await ProcessAsync(managerId, ticketId, ct);
        if (result.Error is not { Kind: ErrorKind.NotFound or ErrorKind.Conflict })
        {
            metrics.Association("background", result.Error);
        }

        return result;
    }

    private Task<Result<BackgroundAssociationTicket>> ProcessAsync(string managerId, Guid ticketId, CancellationToken ct) =>
        unit.RunAsync<BackgroundAssociationTicket>(async innerCt =>
        {
            var ticket = await tickets.FindForManagerAsync(managerId, ticketId, innerCt);
            if (ticket is null)
            {
                return Error.NotFound("Ticket");
            }

            var now = clock.UtcNow();
            var processed = ticket.Process(managerId, now);
            if (!processed.IsSuccess)
            {
                return processed;
            }

            var record = await db.Preregistrations.FirstAsync(p => p.Id == ticket.PreregistrationId, innerCt);
            var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == ticket.PartnerId, innerCt);
            var account = await db.CustomerAccounts.FirstOrDefaultAsync(a => a.Email == record.CustomerEmail, innerCt);
            var associated = account is null
                ? record.CheckInvitable(partner, now) ?? NoAccount
                : (await associate.ExecuteAsync(record, partner, account, new AssociationRoute(null, managerId), now, innerCt)).Error;
            if (associated is not null)
            {
                return associated;
            }

            audit.Record(managerId, ticket.PartnerId, "BackgroundAssociationProcessed", nameof(BackgroundAssociationTicket), ticket.Id.ToString(),
                new { Status = nameof(TicketStatus.Open) }, new { Status = nameof(TicketStatus.Processed) });
            return processed;
        }, BackgroundAssociationTicket.NotOpen, ct);
}
