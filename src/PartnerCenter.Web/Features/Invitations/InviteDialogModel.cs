namespace PartnerCenter.Web.Features.Invitations;

public sealed class InviteDialogModel
{
    public required IReadOnlyList<InviteDialogCustomer> Customers { get; init; }
    public string? ReturnUrl { get; init; }
    public int LinkLifetimeDays { get; init; }

    /// <summary>The language the emails are written in (the Language select), by default the user's own.</summary>
    public string Language { get; init; } = PartnerCenter.Core.Common.Languages.English;
}
