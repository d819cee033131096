namespace PartnerCenter.Web.Features.Invitations;

public sealed record InviteDialogCustomer(Guid Id, string MaskedName);
