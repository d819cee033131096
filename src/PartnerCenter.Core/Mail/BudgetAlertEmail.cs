using PartnerCenter.Core.Customers;

namespace PartnerCenter.Core.Mail;

/// <summary>Tells the partner a customer's spend reached 80% or 100% of its budget (once per period and threshold).</summary>
public sealed record BudgetAlertEmail(
    string PartnerName, string CustomerName, BudgetLevel Level, decimal Used, decimal Budget, BudgetType BudgetType, bool Froze, string ResetStatement)
    : EmailModel
{
    public override string Template => "BudgetAlert";
    public override string Subject => Level == BudgetLevel.Exhausted
        ? $"Budget exhausted: {CustomerName}"
        : $"80% of the budget used: {CustomerName}";
}
