using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Customers;

/// <summary>
/// The Monthly reset in the background: accounts the system froze automatically in an earlier month of
/// their partner's zone are unfrozen (and their budget evaluated again). Idempotent and safe on several
/// instances: each account is handled under its usage lock, in a unit of its own; usage posts do the
/// same check, so nothing depends on this having run.
/// </summary>
public sealed class ResetBudgets(IAppDb db, UnitOfWork unit, BudgetWatch watch, TimeProvider clock)
{
    /// <returns>How many accounts were unfrozen.</returns>
    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var now = clock.UtcNow();
        var candidates = await db.CustomerAccounts.AsNoTracking()
            .Where(a => a.AutoFrozenInPeriod != null && a.AssociatedPartnerId != null)
            .Select(a => new { a.Id, PartnerId = a.AssociatedPartnerId!.Value, FrozenIn = a.AutoFrozenInPeriod!.Value })
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return 0;
        }

        var partnerIds = candidates.Select(c => c.PartnerId).Distinct().ToList();
        var zones = (await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => BudgetPeriod.MonthStart(now, p.TimeZone));
        var unfrozen = 0;
        foreach (var due in candidates.Where(c => c.FrozenIn < zones[c.PartnerId]))
        {
            var result = await unit.RunAsync(async t =>
            {
                await watch.LockAsync([due.Id], t);
                var account = await db.CustomerAccounts.SingleAsync(a => a.Id == due.Id, t);
                var partner = await db.Partners.SingleAsync(p => p.Id == due.PartnerId, t);
                return Result<bool>.Ok(account.AssociatedPartnerId == partner.Id && (await watch.CheckAsync(account, partner, now, t)).Unfroze);
            }, ct);
            unfrozen += result is { IsSuccess: true, Value: true } ? 1 : 0;
        }

        return unfrozen;
    }
}
