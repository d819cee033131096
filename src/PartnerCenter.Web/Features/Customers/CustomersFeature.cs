using Microsoft.Extensions.DependencyInjection.Extensions;
using PartnerCenter.Core.Customers;

namespace PartnerCenter.Web.Features.Customers;

public static class CustomersFeature
{
    /// <summary>Customer Management: budgets, freezing, adjustment records.</summary>
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.TryAddScoped<CustomerQueries>();
        services.TryAddScoped<CustomerAdjustments>();
        services.TryAddScoped<SetBudget>();
        services.TryAddScoped<FreezeCustomer>();
        return services;
    }
}
