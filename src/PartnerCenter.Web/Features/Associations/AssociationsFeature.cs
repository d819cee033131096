using Microsoft.Extensions.DependencyInjection.Extensions;
using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Invitations;

namespace PartnerCenter.Web.Features.Associations;

public static class AssociationsFeature
{
    /// <summary>The customer's invitation landing, registration and consent; the partner's History Records.</summary>
    public static IServiceCollection AddAssociations(this IServiceCollection services)
    {
        services.TryAddScoped<InvitationQueries>();
        services.TryAddScoped<RegisterCustomer>();
        services.TryAddScoped<AcceptInvitation>();
        services.TryAddScoped<AssociationQueries>();
        services.TryAddScoped<InvitationRevoker>();
        services.TryAddScoped<AssociateCustomer>();
        return services;
    }
}
