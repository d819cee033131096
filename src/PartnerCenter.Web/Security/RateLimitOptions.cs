namespace PartnerCenter.Web.Security;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;
    public int SignInPerMinute { get; set; } = 20;
    public int RegisterPerMinute { get; set; } = 10;
    public int InvitationLandingPerMinute { get; set; } = 120;
}
