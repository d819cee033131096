using PartnerCenter.Core.Customers;

namespace PartnerCenter.Web.Features.Partners;

public sealed record MyPartnerModel(string? PartnerName, DateTime? Since, bool IsFrozen, BudgetType BudgetType, decimal BudgetAmount, decimal UsedAmount);
