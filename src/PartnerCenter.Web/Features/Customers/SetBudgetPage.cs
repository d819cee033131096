using PartnerCenter.Core.Customers;

namespace PartnerCenter.Web.Features.Customers;

public sealed class SetBudgetPage
{
    public required SetBudgetModel Form { get; init; }
    public required IReadOnlyList<CustomerRow> Customers { get; init; }
}
