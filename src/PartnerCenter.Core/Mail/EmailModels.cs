using PartnerCenter.Core.Common;
namespace PartnerCenter.Core.Mail;

/// <summary>A typed email: its template pair (HTML and text) and its subject.</summary>
public abstract record EmailModel
{
    public abstract string Template { get; }

    /// <summary>The subject in the current UI culture: the renderer reads it in the recipient's <see cref="Language"/>.</summary>
    public string Subject => SubjectText.ToString();

    /// <summary>The subject, translated when read (Resources/DomainText.*.resx).</summary>
    protected abstract Phrase SubjectText { get; }

    /// <summary>The recipient's language (<see cref="Languages"/>): the subject and body are written in it.</summary>
    public string Language { get; init; } = Languages.English;

    /// <summary>The recipient's time zone: every time in the email is shown in it, with the zone named.</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;
}

/// <summary>The invitation a partner sends a preregistered customer.</summary>
public sealed record InvitationEmail(string PartnerName, string CustomerName, string Link, DateTime ExpiresAtUtc) : EmailModel
{
    public override string Template => "Invitation";
    protected override Phrase SubjectText => new("{0} invites you to become their customer", PartnerName);
}

/// <summary>Renders typed emails from the app's templates.</summary>
public interface IEmailRenderer
{
    Task<RenderedEmail> RenderAsync(EmailModel model, CancellationToken ct = default);
}
