using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Associations;

/// <summary>History Records: the partner's customers' association attempts and their outcomes.</summary>
public sealed class AssociationQueries(IAppDb db)
{
    public const int HistoryPageSize = 20;

    /// <param name="failedOnly">Only the <i>Association failed</i> rows.</param>
    /// <returns>The page's rows, the total, and the page actually shown (clamped to the pages there are).</returns>
    public async Task<(List<AssociationAttempt> Rows, int Total, int Page)> HistoryAsync(int partnerId, int page, bool failedOnly, CancellationToken ct, int pageSize = HistoryPageSize)
    {
        var query = db.AssociationAttempts.AsNoTracking().Where(a => a.PartnerId == partnerId);
        if (failedOnly)
        {
            query = query.Where(AssociationAttempt.IsFailure);
        }

        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        var shown = Math.Clamp(page, 1, pageCount);
        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((shown - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (rows, total, shown);
    }
}
