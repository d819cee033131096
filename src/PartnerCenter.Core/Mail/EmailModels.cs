namespace PartnerCenter.Core.Mail;

/// <summary>A typed email: its template pair (HTML and text) and its subject.</summary>
public abstract record EmailModel
{
    public abstract string Template { get; }
    public abstract string Subject { get; }

    /// <summary>The recipient's time zone: every time in the email is shown in it, with the zone named.</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;
}

/// <summary>The invitation a partner sends a preregistered customer.</summary>
public sealed record InvitationEmail(string PartnerName, string CustomerName, string Link, DateTime ExpiresAtUtc) : EmailModel
{
    public override string Template => "Invitation";
    public override string Subject => $"{PartnerName} invites you to become their customer";
}

/// <summary>Renders typed emails from the app's templates.</summary>
public interface IEmailRenderer
{
    Task<RenderedEmail> RenderAsync(EmailModel model, CancellationToken ct = default);
}
