namespace PartnerCenter.Web.Features.Invitations;

public sealed class InviteDialogModel
{
    public required IReadOnlyList<InviteDialogCustomer> Customers { get; init; }
    public string? ReturnUrl { get; init; }
    public int LinkLifetimeDays { get; init; }
}
