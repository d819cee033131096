using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;

namespace PartnerCenter.Core.Mail;

/// <summary>Tells the partner a customer's spend reached 80% or 100% of its budget (once per period and threshold).</summary>
public sealed record BudgetAlertEmail(
    string PartnerName, string CustomerName, BudgetLevel Level, decimal Used, decimal Budget, BudgetType BudgetType, bool Froze, PartnerCenter.Core.Common.Phrase ResetStatement)
    : EmailModel
{
    public override string Template => "BudgetAlert";
    protected override Phrase SubjectText => Level == BudgetLevel.Exhausted
        ? new("Budget exhausted: {0}", CustomerName)
        : new("80% of the budget used: {0}", CustomerName);
}
