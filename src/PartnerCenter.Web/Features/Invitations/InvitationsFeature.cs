using PartnerCenter.Core.Invitations;

namespace PartnerCenter.Web.Features.Invitations;

public static class InvitationsFeature
{
    /// <summary>Inviting preregistered customers by email, link or QR code; the invitation history.</summary>
    public static IServiceCollection AddInvitations(this IServiceCollection services)
    {
        services.AddOptions<InvitationOptions>().BindConfiguration(InvitationOptions.Section);
        return services.AddUseCases(
            typeof(InvitationIssuer),
            typeof(InvitationRevoker),
            typeof(InviteCustomers),
            typeof(CreateInvitationLink),
            typeof(CancelInvitation),
            typeof(InvitationQueries));
    }
}
