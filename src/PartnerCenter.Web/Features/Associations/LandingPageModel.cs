namespace PartnerCenter.Web.Features.Associations;

public sealed class LandingPageModel
{
    public required string Token { get; init; }
    public required PartnerCenter.Core.Invitations.InvitationLanding Landing { get; init; }
    public required AssociateModel Form { get; init; }
    public DeclineModel Decline { get; init; } = new();
    public bool SignedInAsCustomer { get; init; }
    public bool SignedInOtherwise { get; init; }
}
