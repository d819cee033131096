using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Mail;
using PartnerCenter.Core.Partners;
using PartnerCenter.Infrastructure.Background;

namespace PartnerCenter.Web.Features.Customers;

public static class CustomersFeature
{
    /// <summary>
    /// Customer Management: budgets (with their thresholds and the Monthly reset sweep), freezing, adjustment
    /// records, ending an association, Export (admins).
    /// </summary>
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.AddHostedService<BudgetResetSweeper>();
        return services.AddUseCases(
            typeof(CustomerSpend),
            typeof(CustomerQueries),
            typeof(CustomerAdjustments),
            typeof(BudgetWatch),
            typeof(ResetBudgets),
            typeof(SetBudget),
            typeof(FreezeCustomer),
            typeof(ListExport),
            typeof(ExportCustomers),
            typeof(RequestDisassociation),
            typeof(ConsentDisassociation),
            typeof(DeclineDisassociation),
            typeof(PartnerUserQueries),
            typeof(PartnerNotices));
    }
}
