using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Partners;

namespace PartnerCenter.Web.Features.Partners;

public static class PartnersFeature
{
    /// <summary>The partner's account information and users; the customer's view of their partner.</summary>
    public static IServiceCollection AddPartners(this IServiceCollection services) =>
        services.AddUseCases(
            typeof(CustomerSpend),
            typeof(CustomerQueries),
            typeof(PartnerQueries),
            typeof(PartnerUserQueries),
            typeof(SetCustomerDevelopmentPermission),
            typeof(UpdateAccountInformation));
}
