using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Associations;

/// <summary>History Records: the partner's customers' association attempts and their outcomes.</summary>
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
}
