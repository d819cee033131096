using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Customers;

/// <summary>The partner sets the budget of one or several of its customers (and may unfreeze them at once).</summary>
public sealed class SetBudget(CustomerQueries customers, CustomerAdjustments adjustments, UnitOfWork unit, TimeProvider clock)
{
    public async Task<Result<int>> ExecuteAsync(string userId, int partnerId, IReadOnlyCollection<int> accountIds, BudgetSetting setting, CancellationToken ct)
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

        var now = clock.UtcNow();
        foreach (var account in accounts)
        {
            var before = account.Describe();
            account.SetBudget(setting, now);
            adjustments.Record(account, partnerId, userId, now, AdjustmentKind.Budget, before, null);
        }

        return await unit.SaveAsync(accounts.Count, ct, CustomerAdjustments.Changed);
    }
}
