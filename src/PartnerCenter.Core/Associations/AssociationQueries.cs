using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Associations;

/// <summary>History Records and the state of background association requests.</summary>
public sealed class AssociationQueries(IAppDb db)
{
    public const int HistoryPageSize = 50;

    public async Task<(List<AssociationAttempt> Rows, int Total)> HistoryAsync(int partnerId, int page, CancellationToken ct)
    {
        var query = db.AssociationAttempts.AsNoTracking().Where(a => a.PartnerId == partnerId);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((Math.Max(page, 1) - 1) * HistoryPageSize).Take(HistoryPageSize).ToListAsync(ct);
        return (rows, total);
    }

    /// <summary>Whether the record is the partner's own Preregistered or other live record (not deleted).</summary>
    public Task<bool> IsOwnRecordAsync(int partnerId, Guid preregistrationId, CancellationToken ct) =>
        db.Preregistrations.OwnedBy(partnerId).AnyAsync(p => p.Id == preregistrationId, ct);

    /// <summary>The latest ticket per preregistration, for the working list.</summary>
    public async Task<IReadOnlyDictionary<Guid, BackgroundAssociationTicket>> LatestTicketsAsync(IReadOnlyCollection<Guid> preregistrationIds, CancellationToken ct)
    {
        var tickets = await db.BackgroundAssociationTickets.AsNoTracking()
            .Where(t => preregistrationIds.Contains(t.PreregistrationId))
            .ToListAsync(ct);
        return tickets.GroupBy(t => t.PreregistrationId).ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.CreatedAt).First());
    }
}
