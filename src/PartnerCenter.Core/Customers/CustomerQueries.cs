using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Customers;

public sealed record AdjustmentLine(DateTime At, AdjustmentKind Kind, string Before, string After, string? Reason, string? Actor);

public sealed record CustomerRow(int Id, string Name, string Email, DateTime? AssociatedAt, bool IsFrozen,
    BudgetType BudgetType, decimal BudgetAmount, decimal UsedAmount, FreezeOnExhaustion OnExhaustion, int Version = 0);

/// <summary>What a signed-in customer reads on My Partner.</summary>
public sealed record MyPartner(string? PartnerName, DateTime? Since, bool IsFrozen, BudgetType BudgetType, decimal BudgetAmount, decimal UsedAmount);

/// <summary>The partner's associated customers (Sales &gt; Customers) and their adjustment records.</summary>
public sealed class CustomerQueries(IAppDb db)
{
    /// <param name="ids">Only these customers (still only the partner's own); null for all.</param>
    public Task<List<CustomerRow>> ListAsync(int partnerId, CancellationToken ct, IReadOnlyCollection<int>? ids = null) =>
        db.CustomerAccounts.AsNoTracking()
            .Where(a => a.AssociatedPartnerId == partnerId && (ids == null || ids.Contains(a.Id)))
            .OrderByDescending(a => a.AssociatedAt)
            .Select(a => new CustomerRow(a.Id, a.Name, a.Email, a.AssociatedAt, a.IsFrozen, a.BudgetType, a.BudgetAmount, a.UsedAmount, a.FreezeOnExhaustion, a.Version))
            .ToListAsync(ct);

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
                db.Users.Where(u => u.Id == b.ActorUserId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);
        return (customer, records);
    }

    /// <summary>The customer's partner, budget and frozen state, or null for a user without a customer account.</summary>
    public Task<MyPartner?> MyPartnerAsync(string customerUserId, CancellationToken ct) =>
        (from u in db.Users
         join a in db.CustomerAccounts on u.CustomerAccountId equals a.Id
         where u.Id == customerUserId
         select new MyPartner(
             db.Partners.Where(p => p.Id == a.AssociatedPartnerId).Select(p => p.Name).FirstOrDefault(),
             a.AssociatedAt, a.IsFrozen, a.BudgetType, a.BudgetAmount, a.UsedAmount))
        .AsNoTracking()
        .FirstOrDefaultAsync(ct);

    /// <summary>The partner's own accounts among <paramref name="ids"/>, tracked for a change.</summary>
    internal Task<List<CustomerAccount>> MineAsync(int partnerId, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        db.CustomerAccounts.Where(a => ids.Contains(a.Id) && a.AssociatedPartnerId == partnerId).ToListAsync(ct);
}
