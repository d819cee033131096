using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Invitations;

namespace PartnerCenter.Web.Features.Associations;

public static class AssociationsFeature
{
    /// <summary>The customer's invitation landing, registration and consent; the partner's History Records.</summary>
    public static IServiceCollection AddAssociations(this IServiceCollection services) =>
        services.AddUseCases(
            typeof(InvitationQueries),
            typeof(RegisterCustomer),
            typeof(AcceptInvitation),
            typeof(DeclineInvitation),
            typeof(AssociationQueries),
            typeof(InvitationRevoker),
            typeof(AssociateCustomer));
}
