namespace PartnerCenter.Web.Features.Invitations;

public sealed class LinkQrModel
{
    public required string CustomerName { get; init; }
    public required string Url { get; init; }
    public required DateTime ExpiresAt { get; init; }
    public required string PngDataUri { get; init; }
    public required string SvgDataUri { get; init; }
    public string? ReturnUrl { get; init; }
}
