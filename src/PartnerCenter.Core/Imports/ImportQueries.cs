using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Imports;

public sealed record ImportSummary(Guid Id, string FileName, DateTime CreatedAt, ImportStatus Status, int Rows, int Applied);

public sealed class ImportQueries(IAppDb db)
{
    /// <summary>The partner's batch with its rows in file order; another partner's reads as not found.</summary>
    public async Task<Result<ImportBatch>> BatchAsync(int partnerId, Guid id, CancellationToken ct)
    {
        var batch = await db.ImportBatches.AsNoTracking().Include(b => b.Rows.OrderBy(r => r.Number))
            .FirstOrDefaultAsync(b => b.Id == id && b.PartnerId == partnerId, ct);
        return batch is null ? Error.NotFound("Import") : batch;
    }

    public async Task<IReadOnlyList<ImportSummary>> RecentAsync(int partnerId, CancellationToken ct) =>
        await db.ImportBatches.AsNoTracking()
            .Where(b => b.PartnerId == partnerId)
            .OrderByDescending(b => b.CreatedAt)
            .Take(10)
            .Select(b => new ImportSummary(b.Id, b.FileName, b.CreatedAt, b.Status, b.Rows.Count, b.Rows.Count(r => r.Final != null)))
            .ToListAsync(ct);
}
