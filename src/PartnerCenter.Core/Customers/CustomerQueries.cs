using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Customers;

public sealed record AdjustmentLine(DateTime At, AdjustmentKind Kind, string Before, string After, string? Reason, string? Actor);

/// <param name="UsedAmount">Spend in the current period (<see cref="CustomerAccount.UsedSince"/>).</param>
public sealed record CustomerRow(int Id, string Name, string Email, DateTime? AssociatedAt, bool IsFrozen,
    BudgetType BudgetType, decimal BudgetAmount, decimal UsedAmount, FreezeOnExhaustion OnExhaustion, int Version = 0)
{
    /// <summary>The badge the Customers page shows: "80% used" or "Budget exhausted".</summary>
    public BudgetLevel? Level => BudgetType == BudgetType.None ? null : BudgetLevels.Highest(UsedAmount, BudgetAmount);
}

/// <summary>What a signed-in customer reads on My Partner.</summary>
public sealed record MyPartner(string? PartnerName, DateTime? Since, bool IsFrozen, BudgetType BudgetType, decimal BudgetAmount, decimal UsedAmount,
    string? ResetStatement);

/// <summary>The partner's associated customers (Sales &gt; Customers) and their adjustment records.</summary>
public sealed class CustomerQueries(IAppDb db, TimeProvider clock)
{
    /// <param name="ids">Only these customers (still only the partner's own); null for all.</param>
    public async Task<List<CustomerRow>> ListAsync(int partnerId, CancellationToken ct, IReadOnlyCollection<int>? ids = null)
    {
        var monthStart = await MonthStartAsync(partnerId, ct);
        return await db.CustomerAccounts.AsNoTracking()
            .Where(a => a.AssociatedPartnerId == partnerId && (ids == null || ids.Contains(a.Id)))
            .OrderByDescending(a => a.AssociatedAt)
            .Select(a => new CustomerRow(a.Id, a.Name, a.Email, a.AssociatedAt, a.IsFrozen, a.BudgetType, a.BudgetAmount,
                // The SQL form of CustomerAccount.UsedSince: One-time since it was set, else the partner's month.
                db.UsageRecords
                    .Where(r => r.CustomerAccountId == a.Id
                                && r.OccurredAt >= (a.BudgetType == BudgetType.OneTime && a.BudgetSetAt != null ? a.BudgetSetAt.Value : monthStart))
                    .Sum(r => (decimal?)r.Amount) ?? 0m,
                a.FreezeOnExhaustion, a.Version))
            .ToListAsync(ct);
    }

    /// <summary>The sentence the pages show about the Monthly reset in the partner's zone.</summary>
    public async Task<string> ResetStatementAsync(int partnerId, CancellationToken ct)
    {
        var partner = await db.Partners.AsNoTracking().SingleAsync(p => p.Id == partnerId, ct);
        return BudgetPeriod.ResetStatement(partner.TimeZone, clock.UtcNow());
    }

    private async Task<DateTime> MonthStartAsync(int partnerId, CancellationToken ct)
    {
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnerId, ct);
        return BudgetPeriod.MonthStart(clock.UtcNow(), partner?.TimeZone ?? TimeZoneInfo.Utc);
    }

    public async Task<Result<(CustomerRow Customer, List<AdjustmentLine> Records)>> AdjustmentsAsync(int partnerId, int accountId, CancellationToken ct)
    {
        var customer = (await ListAsync(partnerId, ct, [accountId])).FirstOrDefault();
        if (customer is null)
        {
            return Error.NotFound("Customer");
        }

        var records = await db.BudgetAdjustments.AsNoTracking()
            .Where(b => b.CustomerAccountId == accountId && b.PartnerId == partnerId)
            .OrderByDescending(b => b.Id)
            .Select(b => new AdjustmentLine(b.At, b.Kind, b.Before, b.After, b.Reason,
                b.ActorUserId == null ? CustomerAdjustments.SystemActor : db.Users.Where(u => u.Id == b.ActorUserId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);
        return (customer, records);
    }

    /// <summary>The customer's partner, budget, spend in the period and frozen state, or null for a user without a customer account.</summary>
    public async Task<MyPartner?> MyPartnerAsync(string customerUserId, CancellationToken ct)
    {
        var account = await (from u in db.Users
                             join a in db.CustomerAccounts on u.CustomerAccountId equals a.Id
                             where u.Id == customerUserId
                             select a).AsNoTracking().FirstOrDefaultAsync(ct);
        if (account is null)
        {
            return null;
        }

        var partner = account.AssociatedPartnerId is { } partnerId ? await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnerId, ct) : null;
        var zone = partner?.TimeZone ?? TimeZoneInfo.Utc;
        var now = clock.UtcNow();
        var since = account.UsedSince(BudgetPeriod.MonthStart(now, zone));
        var used = await db.UsageRecords.Where(r => r.CustomerAccountId == account.Id && r.OccurredAt >= since).SumAsync(r => (decimal?)r.Amount, ct) ?? 0m;
        return new MyPartner(partner?.Name, account.AssociatedAt, account.IsFrozen, account.BudgetType, account.BudgetAmount, used,
            partner is null ? null : BudgetPeriod.ResetStatement(zone, now));
    }

    /// <summary>The partner's own accounts among <paramref name="ids"/>, tracked for a change.</summary>
    internal Task<List<CustomerAccount>> MineAsync(int partnerId, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        db.CustomerAccounts.Where(a => ids.Contains(a.Id) && a.AssociatedPartnerId == partnerId).ToListAsync(ct);
}
