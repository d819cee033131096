namespace PartnerCenter.Core.Mail;

public enum OutboxStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending = 1,
    /// <summary>Accepted by the mail server.</summary>
    Sent = 2,
    /// <summary>Gave up after the last attempt.</summary>
    Failed = 3,
}

/// <summary>
/// An email written in the same transaction as the change that causes it; the dispatcher leases,
/// sends and records each attempt, so a crash or a mail server outage loses nothing.
/// </summary>
public class OutboxMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string HtmlBody { get; set; }
    public required string TextBody { get; set; }
    public Guid? InvitationId { get; set; }
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The dispatcher instance holding the message, until <see cref="LeaseUntil"/>.</summary>
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }

    /// <summary>
    /// Sent, failed for good or cancelled: the bodies (which hold the invitation link) are dropped,
    /// so the token exists nowhere in the database once the email has left.
    /// </summary>
    public void Close(OutboxStatus status, DateTime? sentAt, string? error)
    {
        Status = status;
        SentAt = sentAt;
        LastError = error;
        HtmlBody = "";
        TextBody = "";
        LeaseOwner = null;
        LeaseUntil = null;
    }

    public void Cancel(string reason) => Close(OutboxStatus.Failed, null, reason);

    /// <summary>A rendered email, due now.</summary>
    public static OutboxMessage For(RenderedEmail email, string to, DateTime now, Guid? invitationId = null) => new()
    {
        To = to,
        Subject = email.Subject,
        HtmlBody = email.Html,
        TextBody = email.Text,
        InvitationId = invitationId,
        CreatedAt = now,
        NextAttemptAt = now,
    };
}

public sealed record RenderedEmail(string Subject, string Html, string Text);
