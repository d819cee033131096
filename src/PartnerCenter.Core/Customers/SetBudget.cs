using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Customers;

/// <summary>The partner sets the budget of one or several of its customers (and may unfreeze them at once).</summary>
public sealed class SetBudget(CustomerQueries customers, CustomerAdjustments adjustments, UnitOfWork unit, TimeProvider clock)
{
    public static readonly Error Stale = Error.Conflict("precondition_failed",
        "This customer was changed since you read it. Read it again and retry with its new version.");

    /// <param name="expectedVersion">
    /// For one customer: the version the caller last read (an API's If-Match); another version is refused
    /// with <see cref="Stale"/>, and a change racing this one loses on the concurrency token.
    /// </param>
    public async Task<Result<int>> ExecuteAsync(
        string userId, int partnerId, IReadOnlyCollection<int> accountIds, BudgetSetting setting, CancellationToken ct, int? expectedVersion = null)
    {
        if (setting.Problem() is { } invalid)
        {
            return invalid;
        }

        var accounts = await customers.MineAsync(partnerId, accountIds, ct);
        if (accounts.Count == 0)
        {
            return Error.NotFound("Customer");
        }

        if (expectedVersion is { } expected && accounts.Any(a => a.Version != expected))
        {
            return Stale;
        }

        var now = clock.UtcNow();
        foreach (var account in accounts)
        {
            var before = account.Describe();
            account.SetBudget(setting, now);
            adjustments.Record(account, partnerId, userId, now, AdjustmentKind.Budget, before, null);
        }

        return await unit.SaveAsync(accounts.Count, ct, expectedVersion is null ? CustomerAdjustments.Changed : Stale);
    }
}
