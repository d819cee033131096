using Microsoft.Extensions.DependencyInjection.Extensions;
using PartnerCenter.Core.Invitations;

namespace PartnerCenter.Web.Features.Invitations;

public static class InvitationsFeature
{
    /// <summary>Inviting preregistered customers by email, link or QR code; the invitation history.</summary>
    public static IServiceCollection AddInvitations(this IServiceCollection services)
    {
        services.AddOptions<InvitationOptions>().BindConfiguration(InvitationOptions.Section);
        services.TryAddScoped<InvitationIssuer>();
        services.TryAddScoped<InvitationRevoker>();
        services.TryAddScoped<InviteCustomers>();
        services.TryAddScoped<CreateInvitationLink>();
        services.TryAddScoped<InvitationQueries>();
        return services;
    }
}
