namespace PartnerCenter.Web.Features.Invitations;

/// <summary>The Link/QR page: the current valid link with its QR codes, or none (then <see cref="Url"/> is null).</summary>
public sealed class LinkQrModel
{
    public required Guid Id { get; init; }
    public required string CustomerName { get; init; }
    public string? Url { get; init; }
    public DateTime? ExpiresAt { get; init; }
    public string? PngDataUri { get; init; }
    public string? SvgDataUri { get; init; }

    /// <summary>Why no new link can be issued (the record is no longer Preregistered, a prepaid partner), or null.</summary>
    public string? CannotIssue { get; init; }
    public string? ReturnUrl { get; init; }
}
