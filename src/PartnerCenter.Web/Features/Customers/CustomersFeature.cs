using PartnerCenter.Core.Customers;
using PartnerCenter.Infrastructure.Background;

namespace PartnerCenter.Web.Features.Customers;

public static class CustomersFeature
{
    /// <summary>Customer Management: budgets (with their thresholds and the Monthly reset sweep), freezing, adjustment records.</summary>
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.AddHostedService<BudgetResetSweeper>();
        return services.AddUseCases(
            typeof(CustomerQueries),
            typeof(CustomerAdjustments),
            typeof(BudgetWatch),
            typeof(ResetBudgets),
            typeof(SetBudget),
            typeof(FreezeCustomer));
    }
}
