using PartnerCenter.Core.Common;

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
    /// Sent or cancelled: the bodies (which hold the invitation link) are dropped,
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

    public static readonly Error NotFailed = Error.Conflict("not_failed", "This email is no longer failed (it was retried a moment ago); nothing was changed.");

    public static readonly Error NotRetryable = new("not_retryable", "This email was cancelled (its invitation was revoked), so it cannot be sent again.");

    public static readonly Error LinkNoLongerActive = new("link_no_longer_active",
        "The invitation link in this email is no longer valid, so it was not sent again. The partner can send a new invitation.");

    /// <summary>
    /// Every attempt failed. Unlike <see cref="Close"/>, the bodies are kept, so the platform administrator
    /// can <see cref="Retry"/>; they go when the message is retried and sent, or its link is revoked (<see cref="DropBodies"/>).
    /// </summary>
    public void GiveUp(string error)
    {
        Status = OutboxStatus.Failed;
        LastError = error;
        LeaseOwner = null;
        LeaseUntil = null;
    }

    /// <summary>A failed message that still has its bodies (not cancelled) can be queued again.</summary>
    public bool CanRetry => Status == OutboxStatus.Failed && (HtmlBody.Length > 0 || TextBody.Length > 0);

    /// <summary>Queues a failed message again, due now, with a fresh set of attempts.</summary>
    public Error? Retry(DateTime now)
    {
        if (Status != OutboxStatus.Failed)
        {
            return NotFailed;
        }

        if (!CanRetry)
        {
            return NotRetryable;
        }

        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        LeaseOwner = null;
        LeaseUntil = null;
        return null;
    }

    /// <summary>A failed message whose link went dead: its bodies (the link) go, its status and last error stay.</summary>
    public void DropBodies()
    {
        HtmlBody = "";
        TextBody = "";
    }

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
