namespace PartnerCenter.Core.Invitations;

public sealed class InvitationOptions
{
    public const string Section = "Invitations";

    /// <summary>How long a link is valid; never beyond the preregistration's own expiry.</summary>
    public TimeSpan Lifetime { get; set; } = Invitation.DefaultLifetime;

    /// <summary>The public address links start with. Configured, never guessed from the request (proxies).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    public string LinkFor(string token) => $"{PublicBaseUrl.TrimEnd('/')}/invite/{token}";
}
