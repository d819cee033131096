using PartnerCenter.Core.Customers;

namespace PartnerCenter.Web.Features.Customers;

public static class CustomersFeature
{
    /// <summary>Customer Management: budgets, freezing, adjustment records, ending an association.</summary>
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        // The seam for "unpaid spend this period": the usage records replace this source.
        services.AddScoped<IUnpaidSpend, StoredUnpaidSpend>();
        return services.AddUseCases(
            typeof(CustomerQueries),
            typeof(CustomerAdjustments),
            typeof(SetBudget),
            typeof(FreezeCustomer),
            typeof(RequestDisassociation),
            typeof(ConsentDisassociation),
            typeof(DeclineDisassociation));
    }
}
