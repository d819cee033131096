using PartnerCenter.Core.Invitations;
using PartnerCenter.Infrastructure.Tokens;

namespace PartnerCenter.Web.Features.Invitations;

public static class InvitationsFeature
{
    /// <summary>Inviting preregistered customers by email, link or QR code; the invitation history.</summary>
    public static IServiceCollection AddInvitations(this IServiceCollection services)
    {
        services.AddOptions<InvitationOptions>().BindConfiguration(InvitationOptions.Section);
        services.AddSingleton<ITokenProtector, DataProtectionTokenProtector>();
        return services.AddUseCases(
            typeof(InvitationIssuer),
            typeof(InvitationRevoker),
            typeof(InviteCustomers),
            typeof(CreateInvitationLink),
            typeof(RevokeInvitation),
            typeof(InvitationQueries));
    }
}
