using Microsoft.Extensions.DependencyInjection.Extensions;
using PartnerCenter.Core.Partners;

namespace PartnerCenter.Web.Features.Partners;

public static class PartnersFeature
{
    /// <summary>The partner's account information and users; the customer's view of their partner.</summary>
    public static IServiceCollection AddPartners(this IServiceCollection services)
    {
        services.TryAddScoped<PartnerQueries>();
        services.TryAddScoped<PartnerUserQueries>();
        services.TryAddScoped<SetCustomerDevelopmentPermission>();
        services.TryAddScoped<UpdateAccountInformation>();
        return services;
    }
}
