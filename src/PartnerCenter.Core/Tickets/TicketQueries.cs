using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Tickets;

public sealed record TicketItem(BackgroundAssociationTicket Ticket, string PartnerName, string CustomerName, string CustomerEmail);

/// <summary>Background association tickets, as the ecosystem manager and the partner's list read them.</summary>
public sealed class TicketQueries(IAppDb db)
{
    public Task<List<TicketItem>> ForManagerAsync(string managerId, CancellationToken ct) =>
        (from t in db.BackgroundAssociationTickets
         join partner in db.Partners on t.PartnerId equals partner.Id
         join p in db.Preregistrations on t.PreregistrationId equals p.Id
         where partner.EcosystemManagerId == managerId
         orderby t.Status, t.CreatedAt
         select new TicketItem(t, partner.Name, p.CustomerName, p.CustomerEmail))
        .AsNoTracking()
        .ToListAsync(ct);

    /// <summary>A one-line description of a ticket of a partner this manager looks after, or null.</summary>
    public Task<string?> DescribeAsync(string managerId, Guid id, CancellationToken ct) =>
        (from t in db.BackgroundAssociationTickets
         join partner in db.Partners on t.PartnerId equals partner.Id
         join p in db.Preregistrations on t.PreregistrationId equals p.Id
         where t.Id == id && partner.EcosystemManagerId == managerId
         select p.CustomerName + " (" + p.CustomerEmail + "), requested by " + partner.Name)
        .FirstOrDefaultAsync(ct);

    /// <summary>The latest ticket per preregistration, for the working list.</summary>
    public async Task<IReadOnlyDictionary<Guid, BackgroundAssociationTicket>> LatestAsync(IReadOnlyCollection<Guid> preregistrationIds, CancellationToken ct)
    {
        var tickets = await db.BackgroundAssociationTickets.AsNoTracking()
            .Where(t => preregistrationIds.Contains(t.PreregistrationId))
            .ToListAsync(ct);
        return tickets.GroupBy(t => t.PreregistrationId).ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.CreatedAt).First());
    }

    /// <summary>The ticket, if it belongs to a partner this manager looks after.</summary>
    public Task<BackgroundAssociationTicket?> FindForManagerAsync(string managerId, Guid ticketId, CancellationToken ct) =>
        (from t in db.BackgroundAssociationTickets
         join p in db.Partners on t.PartnerId equals p.Id
         where t.Id == ticketId && p.EcosystemManagerId == managerId
         select t).FirstOrDefaultAsync(ct);
}
