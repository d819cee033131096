using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Customers;

/// <summary>An account with its <em>Used</em>, computed in the database (so lists can filter and sort by it).</summary>
public sealed class AccountWithUsed
{
    public required CustomerAccount Account { get; init; }
    public decimal Used { get; init; }

    /// <summary>The SQL form of <see cref="BudgetLevels.Reached"/> reaching 80% ("over 80%" on Sales &gt; Customers).</summary>
    public static Expression<Func<AccountWithUsed, bool>> ReachedWarning =>
        x => x.Account.BudgetType != BudgetType.None && x.Account.BudgetAmount > 0 && x.Used >= x.Account.BudgetAmount * BudgetLevels.WarningShare;
}

/// <summary>
/// The one place that sums a customer's usage records (docs/domain.md, "Budgets act" and "Ending an
/// association"): <em>Used</em> in the current budget period, and the unpaid spend of the current billing month.
/// </summary>
public sealed class CustomerSpend(IAppDb db)
{
    /// <summary>
    /// Each account with its spend since <see cref="CustomerAccount.UsedSince"/> (here in SQL: One-time since the
    /// budget was set, else the partner's month starting at <paramref name="monthStart"/>), as one correlated sum.
    /// </summary>
    public IQueryable<AccountWithUsed> WithUsed(IQueryable<CustomerAccount> accounts, DateTime monthStart) =>
        accounts.Select(a => new AccountWithUsed
        {
            Account = a,
            Used = db.UsageRecords
                .Where(r => r.CustomerAccountId == a.Id
                            && r.OccurredAt >= (a.BudgetType == BudgetType.OneTime && a.BudgetSetAt != null ? a.BudgetSetAt.Value : monthStart))
                .Sum(r => (decimal?)r.Amount) ?? 0m,
        });

    /// <summary>One account's <em>Used</em> now (see <see cref="CustomerAccount.UsedSince"/>).</summary>
    public Task<decimal> UsedAsync(CustomerAccount account, DateTime monthStart, CancellationToken ct) =>
        SinceAsync(account.Id, account.UsedSince(monthStart), ct);

    /// <summary>
    /// The spend of the current billing month (the calendar month in the partner's time zone that starts at
    /// <paramref name="monthStart"/>): the platform bills a month after it ends, so all of it is still unpaid.
    /// <see cref="CustomerAccount.CheckCanLeave"/> decides with it.
    /// </summary>
    public Task<decimal> UnpaidThisPeriodAsync(CustomerAccount account, DateTime monthStart, CancellationToken ct) =>
        SinceAsync(account.Id, CustomerAccount.UnpaidSince(monthStart), ct);

    private async Task<decimal> SinceAsync(int accountId, DateTime since, CancellationToken ct) =>
        await db.UsageRecords.Where(r => r.CustomerAccountId == accountId && r.OccurredAt >= since)
            .SumAsync(r => (decimal?)r.Amount, ct) ?? 0m;
}
