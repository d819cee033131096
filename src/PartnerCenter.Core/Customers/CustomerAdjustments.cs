using System.Globalization;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Customers;

/// <summary>Writes an Adjustment record and its audit row for one change of a customer's budget or frozen state.</summary>
public sealed class CustomerAdjustments(IAppDb db, AuditLog audit)
{
    public static readonly Error Changed = Error.Conflict("changed", "This customer was changed a moment ago by someone else. Reload and try again.");

    /// <summary>The name adjustment records show for changes the portal made by itself (automatic freeze, reset).</summary>
    public const string SystemActor = "system";

    /// <param name="userId">The partner user; null for the system.</param>
    public void Record(CustomerAccount account, int partnerId, string? userId, DateTime now, AdjustmentKind kind, string before, string? reason)
    {
        var after = account.Describe();
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
}
