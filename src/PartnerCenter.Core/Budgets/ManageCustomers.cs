using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;

namespace PartnerCenter.Core.Budgets;

public sealed record BudgetSetting(BudgetType Type, decimal Amount, FreezeOnExhaustion OnExhaustion, bool UnfreezeNow);

public sealed record AdjustmentLine(DateTime At, AdjustmentKind Kind, string Before, string After, string? Reason, string? Actor);

public sealed record CustomerRow(int Id, string Name, string Email, DateTime? AssociatedAt, bool IsFrozen,
    BudgetType BudgetType, decimal BudgetAmount, decimal UsedAmount, FreezeOnExhaustion OnExhaustion);

/// <summary>The partner's associated customers: budgets, freezing and the adjustment records.</summary>
public sealed class ManageCustomers(IAppDb db, AuditLog audit, TimeProvider clock)
{
    public const decimal MaxAmount = 2_147_483_647m;

    public static readonly Error Changed = new("changed", "This customer was changed a moment ago by someone else. Reload and try again.", ErrorKind.Conflict);
    public const int ReasonMaxLength = 256;

    /// <param name="ids">Only these customers (still only the partner's own); null for all.</param>
    public Task<List<CustomerRow>> ListAsync(int partnerId, CancellationToken ct, IReadOnlyCollection<int>? ids = null) =>
        db.CustomerAccounts.AsNoTracking()
            .Where(a => a.AssociatedPartnerId == partnerId && (ids == null || ids.Contains(a.Id)))
            .OrderByDescending(a => a.AssociatedAt)
            .Select(a => new CustomerRow(a.Id, a.Name, a.Email, a.AssociatedAt, a.IsFrozen, a.BudgetType, a.BudgetAmount, a.UsedAmount, a.FreezeOnExhaustion))
            .ToListAsync(ct);

    public async Task<Result<int>> SetBudgetAsync(string userId, int partnerId, IReadOnlyCollection<int> accountIds, BudgetSetting setting, CancellationToken ct)
    {
        if (setting.Type == BudgetType.None || setting.Amount <= 0 || setting.Amount > MaxAmount || decimal.Round(setting.Amount, 2) != setting.Amount)
        {
            return new Error("invalid_budget", "Enter a budget type and an amount greater than 0 and at most 2,147,483,647, with at most two decimals.");
        }

        var accounts = await MineAsync(partnerId, accountIds, ct);
        if (accounts.Count == 0)
        {
            return Error.NotFound("Customer");
        }

        var now = clock.UtcNow();
        foreach (var account in accounts)
        {
            var before = Describe(account);
            account.BudgetType = setting.Type;
            account.BudgetAmount = setting.Amount;
            account.FreezeOnExhaustion = setting.OnExhaustion;
            if (setting.UnfreezeNow)
            {
                account.IsFrozen = false;
            }

            account.Version++;
            Adjust(account, partnerId, userId, now, AdjustmentKind.Budget, before, null);
        }

        return await SaveAsync(accounts.Count, ct);
    }

    public async Task<Result<int>> SetFrozenAsync(string userId, int partnerId, int accountId, bool freeze, string reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMaxLength)
        {
            return new Error("invalid_reason", $"Enter a reason of at most {ReasonMaxLength} characters.");
        }

        var account = (await MineAsync(partnerId, [accountId], ct)).SingleOrDefault();
        if (account is null)
        {
            return Error.NotFound("Customer");
        }

        if (account.IsFrozen == freeze)
        {
            return new Error("no_change", freeze ? "This account is already frozen." : "This account is not frozen.");
        }

        var before = Describe(account);
        account.IsFrozen = freeze;
        account.Version++;
        Adjust(account, partnerId, userId, clock.UtcNow(), freeze ? AdjustmentKind.Freeze : AdjustmentKind.Unfreeze, before, reason.Trim());
        return await SaveAsync(account.Id, ct);
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
                db.Users.Where(u => u.Id == b.ActorUserId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);
        return (customer, records);
    }

    /// <summary>Saves under the accounts' concurrency tokens: of two racing changes one wins, the other is told.</summary>
    private async Task<Result<int>> SaveAsync(int value, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return value;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Changed;
        }
    }

    private Task<List<CustomerAccount>> MineAsync(int partnerId, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        db.CustomerAccounts.Where(a => ids.Contains(a.Id) && a.AssociatedPartnerId == partnerId).ToListAsync(ct);

    private void Adjust(CustomerAccount account, int partnerId, string userId, DateTime now, AdjustmentKind kind, string before, string? reason)
    {
        var after = Describe(account);
        db.BudgetAdjustments.Add(new BudgetAdjustment
        {
            CustomerAccountId = account.Id,
            PartnerId = partnerId,
            ActorUserId = userId,
            At = now,
            Kind = kind,
            Before = before,
            After = after,
            Reason = reason,
        });
        audit.Record(userId, partnerId, "Customer" + kind, nameof(CustomerAccount), account.Id.ToString(CultureInfo.InvariantCulture), before, after);
    }

    /// <summary>The setting as a partner reads it, e.g. "Monthly 500.00 USD, freeze manually, frozen".</summary>
    public static string Describe(CustomerAccount a) =>
        (a.BudgetType == BudgetType.None
            ? "No budget"
            : string.Create(CultureInfo.InvariantCulture, $"{(a.BudgetType == BudgetType.Monthly ? "Monthly" : "One-time")} {a.BudgetAmount:N2} USD, freeze {(a.FreezeOnExhaustion == FreezeOnExhaustion.Automatically ? "automatically" : "manually")}"))
        + (a.IsFrozen ? ", frozen" : ", not frozen");
}
