using System.Buffers.Text;
using System.Linq.Expressions;
using System.Security.Cryptography;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Invitations;

/// <summary>How the link reached the customer.</summary>
public enum InvitationChannel
{
    /// <summary>An email the portal sent through the outbox.</summary>
    Email = 1,
    /// <summary>A hyperlink or QR code the partner passed on by its own means.</summary>
    Link = 2,
}

/// <summary>The lifecycle of one invitation link.</summary>
public enum InvitationStatus
{
    /// <summary>Usable until it expires.</summary>
    Active = 1,
    /// <summary>The customer used it; single use.</summary>
    Used = 2,
    /// <summary>Void: the partner revoked it or issued a new link, or the preregistration was deleted or associated through another link.</summary>
    Revoked = 3,
    /// <summary>Never stored: an Active link past its expiry reads as Expired (<see cref="Invitation.StatusAt"/>).</summary>
    Expired = 4,
    /// <summary>The customer said no on the landing page; the link is used up, the claim stays.</summary>
    Declined = 5,
}

/// <summary>For email invitations: where the email is.</summary>
public enum DeliveryStatus
{
    /// <summary>Not an email, or nothing to report.</summary>
    None = 0,
    /// <summary>In the outbox, waiting to be sent or retried.</summary>
    Queued = 1,
    /// <summary>Handed to the mail server.</summary>
    Sent = 2,
    /// <summary>Every attempt failed; the partner can resend.</summary>
    Failed = 3,
}

/// <summary>
/// A single-use invitation link. The token is looked up by its SHA-256 hash; besides the hash only
/// <see cref="ProtectedToken"/> is stored: the token encrypted and authenticated by the app's Data
/// Protection keys (<see cref="ITokenProtector"/>), so the partner's Link/QR page can show the current
/// link again. The token is never stored in plain text and never logged.
/// </summary>
public class Invitation
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    public const int DeclineReasonMaxLength = 500;

    private Invitation()
    {
    }

    public Guid Id { get; private set; }
    public Guid PreregistrationId { get; private set; }
    public int PartnerId { get; private set; }
    public byte[] TokenHash { get; private set; } = [];

    /// <summary>The token protected by <see cref="ITokenProtector"/>; null for links issued before it was kept.</summary>
    public string? ProtectedToken { get; private set; }
    public InvitationChannel Channel { get; private set; }
    public InvitationStatus Status { get; private set; }
    public DeliveryStatus Delivery { get; private set; }
    public string? LastError { get; private set; }
    public string? CreatedByUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? SentAt { get; private set; }
    public DateTime? OpenedAt { get; private set; }
    public DateTime? UsedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public DateTime? DeclinedAt { get; private set; }

    /// <summary>The customer's optional reason for declining, trimmed; at most <see cref="DeclineReasonMaxLength"/> characters.</summary>
    public string? DeclineReason { get; private set; }
    public int Version { get; private set; }

    /// <summary>A new token: 32 random bytes, Base64url. Only its hash is ever stored.</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>A link lives for <paramref name="lifetime"/>, never past the claim's own expiry.</summary>
    public static DateTime ExpiryFor(DateTime? claimExpiresAt, TimeSpan lifetime, DateTime now) =>
        claimExpiresAt is { } claimEnds && claimEnds < now + lifetime ? claimEnds : now + lifetime;

    /// <summary>The link for <paramref name="token"/> (minted by <see cref="NewToken"/>), for one Preregistered record.</summary>
    /// <param name="protectedToken">The same token as <see cref="ITokenProtector.Protect"/> returns it.</param>
    public static Invitation Issue(
        Preregistration preregistration, InvitationChannel channel, string token, string protectedToken, DateTime expiresAt, string? userId, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        PreregistrationId = preregistration.Id,
        PartnerId = preregistration.PartnerId,
        TokenHash = Hash(token),
        ProtectedToken = protectedToken,
        Channel = channel,
        Status = InvitationStatus.Active,
        Delivery = channel == InvitationChannel.Email ? DeliveryStatus.Queued : DeliveryStatus.None,
        CreatedByUserId = userId,
        CreatedAt = now,
        ExpiresAt = expiresAt,
    };

    public static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));

    /// <summary>Constant-time comparison of a presented token with the stored hash.</summary>
    public bool Matches(string token) => CryptographicOperations.FixedTimeEquals(TokenHash, Hash(token));

    /// <summary>The state as of <paramref name="now"/>: an Active link past its expiry is Expired.</summary>
    public InvitationStatus StatusAt(DateTime now) =>
        Status == InvitationStatus.Active && now >= ExpiresAt ? InvitationStatus.Expired : Status;

    /// <summary>The query form of <c>StatusAt(now) == Active</c>, kept beside it: usable as of <paramref name="now"/>.</summary>
    public static Expression<Func<Invitation, bool>> ActiveAt(DateTime now) =>
        i => i.Status == InvitationStatus.Active && i.ExpiresAt > now;

    /// <summary>Why the link cannot be used now, or null when it can.</summary>
    public Error? ProblemAt(DateTime now) => StatusAt(now) switch
    {
        InvitationStatus.Used => InvitationErrors.Used,
        InvitationStatus.Revoked => InvitationErrors.Revoked,
        InvitationStatus.Declined => InvitationErrors.Used,
        InvitationStatus.Expired => InvitationErrors.Expired,
        _ => null,
    };

    /// <summary>
    /// Why the link cannot be used now with <paramref name="record"/>, its preregistration, or null when it can: the link's
    /// own state first, then a record no longer Preregistered (deleted, lapsed, associated another way) reads as expired.
    /// </summary>
    public Error? ProblemWith(Preregistration record, DateTime now) =>
        ProblemAt(now) ?? (record.StatusAt(now) == PreregistrationStatus.Preregistered ? null : InvitationErrors.Expired);

    public bool MarkOpened(DateTime now)
    {
        if (OpenedAt is not null)
        {
            return false;
        }

        OpenedAt = now;
        return true;
    }

    public Result<Invitation> MarkUsed(DateTime now)
    {
        if (ProblemAt(now) is { } problem)
        {
            return problem;
        }

        Status = InvitationStatus.Used;
        UsedAt = now;
        Version++;
        return this;
    }

    /// <summary>Whether the partner may revoke this link now: only an Active one (not used, revoked or expired).</summary>
    public Error? CheckRevocableAt(DateTime now) => StatusAt(now) == InvitationStatus.Active ? null : InvitationErrors.NotActive;

    /// <summary>Voids the link if it is still stored as Active (expired or not); false when there was nothing to void.</summary>
    public bool Revoke(DateTime now)
    {
        if (Status != InvitationStatus.Active)
        {
            return false;
        }

        Status = InvitationStatus.Revoked;
        RevokedAt = now;
        Version++;
        return true;
    }

    /// <summary>
    /// The customer declines: only a link that could still be used can be declined, and declining uses it up
    /// (it then reads as used). An empty reason is no reason.
    /// </summary>
    public Result<Invitation> Decline(string? reason, DateTime now)
    {
        if (ProblemAt(now) is { } problem)
        {
            return problem;
        }

        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (trimmed?.Length > DeclineReasonMaxLength)
        {
            return InvitationErrors.DeclineReasonTooLong;
        }

        Status = InvitationStatus.Declined;
        DeclinedAt = now;
        DeclineReason = trimmed;
        Version++;
        return this;
    }

    public void MarkSent(DateTime now)
    {
        Delivery = DeliveryStatus.Sent;
        SentAt = now;
        LastError = null;
    }

    public void MarkDeliveryFailed(string error)
    {
        Delivery = DeliveryStatus.Failed;
        LastError = error;
    }

    public void MarkDeliveryRetrying(string error) => LastError = error;

    /// <summary>The platform administrator queued a failed email again.</summary>
    public void MarkDeliveryQueued() => Delivery = DeliveryStatus.Queued;
}
