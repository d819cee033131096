using PartnerCenter.Core.Customers;

namespace PartnerCenter.Web.Features.Customers;

public static class CustomersFeature
{
    /// <summary>Customer Management: budgets, freezing, adjustment records.</summary>
    public static IServiceCollection AddCustomers(this IServiceCollection services) =>
        services.AddUseCases(
            typeof(CustomerQueries),
            typeof(CustomerAdjustments),
            typeof(SetBudget),
            typeof(FreezeCustomer));
}
