using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Customers;

/// <summary>The partner freezes or unfreezes one customer's account, with a reason kept in the adjustment records.</summary>
public sealed class FreezeCustomer(CustomerQueries customers, CustomerAdjustments adjustments, UnitOfWork unit, TimeProvider clock)
{
    public const int ReasonMaxLength = 256;

    public static readonly Error InvalidReason = new("invalid_reason", new Phrase("Enter a reason of at most {0} characters.", ReasonMaxLength));

    public async Task<Result<int>> ExecuteAsync(string userId, int partnerId, int accountId, bool freeze, string reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMaxLength)
        {
            return InvalidReason;
        }

        var account = (await customers.MineAsync(partnerId, [accountId], ct)).SingleOrDefault();
        if (account is null)
        {
            return Error.NotFound("Customer");
        }

        var before = account.Describe();
        var changed = freeze ? account.Freeze() : account.Unfreeze();
        if (!changed.IsSuccess)
        {
            return changed.Error!;
        }

        adjustments.Record(account, partnerId, userId, clock.UtcNow(), freeze ? AdjustmentKind.Freeze : AdjustmentKind.Unfreeze, before, reason.Trim());
        return await unit.SaveAsync(account.Id, ct, CustomerAdjustments.Changed);
    }
}
