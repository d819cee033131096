using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Preregistrations;

/// <summary>
/// Marks lapsed claims Expired. Rules never depend on it having run (status is derived from the
/// clock), but stored statuses, counts and the unique open-claim index do. Idempotent: rows carry
/// a concurrency token, so when two sweeps or two instances race, one writes and the other backs off.
/// </summary>
public sealed class ExpirePreregistrations(IAppDb db, UnitOfWork unit, AuditLog audit, TimeProvider clock)
{
    public const int BatchSize = 500;

    /// <returns>How many were marked; 0 when another sweep marked them first.</returns>
    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var result = await unit.RunAsync<int>(async innerCt => await ExpireLapsedAsync(db, audit, clock.UtcNow(), _ => true, innerCt), ct);
        return result.IsSuccess ? result.Value : 0;
    }

    /// <summary>Marks lapsed rows matching <paramref name="scope"/> Expired in the caller's unit of work.</summary>
    public static async Task<int> ExpireLapsedAsync(
        IAppDb db, AuditLog audit, DateTime now, Expression<Func<Preregistration, bool>> scope, CancellationToken ct)
    {
        var lapsed = await db.Preregistrations
            .Where(scope)
            .Where(Preregistration.LapsedAt(now))
            .OrderBy(p => p.ExpiresAt)
            .Take(BatchSize)
            .ToListAsync(ct);
        foreach (var record in lapsed)
        {
            var before = record.Status;
            if (record.MarkExpiredIfLapsed(now))
            {
                audit.Record(null, record.PartnerId, "PreregistrationExpired", nameof(Preregistration), record.Id.ToString(),
                    new { Status = before.ToString() }, new { Status = nameof(PreregistrationStatus.Expired) });
            }
        }

        return lapsed.Count;
    }
}
