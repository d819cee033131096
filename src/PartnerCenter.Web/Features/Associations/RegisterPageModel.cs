namespace PartnerCenter.Web.Features.Associations;

public sealed class RegisterPageModel
{
    public required string Token { get; init; }
    public required PartnerCenter.Core.Invitations.InvitationLanding Landing { get; init; }
    public required RegisterCustomerModel Form { get; init; }
}
