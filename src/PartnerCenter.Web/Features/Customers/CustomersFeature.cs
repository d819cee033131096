using Microsoft.Extensions.DependencyInjection.Extensions;
using PartnerCenter.Core.Budgets;

namespace PartnerCenter.Web.Features.Customers;

public static class CustomersFeature
{
    /// <summary>Customer Management: budgets, freezing, adjustment records.</summary>
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.TryAddScoped<ManageCustomers>();
        return services;
    }
}
