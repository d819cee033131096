using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Preregistrations;

/// <summary>
/// A partner's claim on a potential customer. Every status change goes through a method here that
/// refuses illegal moves; "Expired" is also derived from the clock, so the status is right at any
/// moment whether or not the sweep has marked it yet.
/// </summary>
public class Preregistration
{
    public const int NameMaxLength = 64;
    public const int RejectionReasonMaxLength = 500;
    public static readonly TimeSpan Validity = TimeSpan.FromDays(15);

    private Preregistration()
    {
    }

    public Guid Id { get; private set; }
    public int PartnerId { get; private set; }
    public string CustomerEmail { get; private set; } = "";
    public string CustomerName { get; private set; } = "";
    public string MobileE164 { get; private set; } = "";
    public string MobileRegion { get; private set; } = "";
    public bool SendInvitation { get; private set; }
    public PreregistrationStatus Status { get; private set; }
    public ReviewTrigger ReviewTrigger { get; private set; }
    public string? CreatedByUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>When the claim became valid: at submission, or at approval after review.</summary>
    public DateTime? PreregisteredAt { get; private set; }
    public DateTime? ExpiresAt { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    /// <summary>For Pending review: when the ecosystem manager's decision is due (2 working days).</summary>
    public DateTime? ReviewDueAt { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public string? RejectionReason { get; private set; }
    public DateTime? DeletedAt { get; private set; }
    public DateTime? AssociatedAt { get; private set; }

    /// <summary>Concurrency token: bumped by every status change, so of two racing changes exactly one is saved.</summary>
    public int Version { get; private set; }

    public static Preregistration Submit(
        int partnerId, string email, string name, MobileNumber mobile, bool sendInvitation,
        ReviewTrigger trigger, string? userId, DateTime now, DateTime? reviewDueAt = null)
    {
        var record = new Preregistration
        {
            Id = Guid.CreateVersion7(),
            PartnerId = partnerId,
            CustomerEmail = EmailAddress.Normalize(email),
            CustomerName = name.Trim(),
            MobileE164 = mobile.E164,
            MobileRegion = mobile.RegionCode,
            SendInvitation = sendInvitation,
            ReviewTrigger = trigger,
            CreatedByUserId = userId,
            CreatedAt = now,
        };
        if (trigger == ReviewTrigger.None)
        {
            record.StartValidity(now);
        }
        else
        {
            record.Status = PreregistrationStatus.PendingReview;
            record.ReviewDueAt = reviewDueAt;
        }

        return record;
    }

    /// <summary>A historical customer of the partner, shown read-only in the list.</summary>
    public static Preregistration Historical(int partnerId, string email, string name, MobileNumber mobile, DateTime associatedAt) => new()
    {
        Id = Guid.CreateVersion7(),
        PartnerId = partnerId,
        CustomerEmail = EmailAddress.Normalize(email),
        CustomerName = name.Trim(),
        MobileE164 = mobile.E164,
        MobileRegion = mobile.RegionCode,
        Status = PreregistrationStatus.NotPreregistered,
        CreatedAt = associatedAt,
        AssociatedAt = associatedAt,
    };

    /// <summary>The status as of <paramref name="now"/>: a lapsed claim is Expired even before the sweep marks it.</summary>
    public PreregistrationStatus StatusAt(DateTime now) =>
        Status == PreregistrationStatus.Preregistered && ExpiresAt <= now ? PreregistrationStatus.Expired : Status;

    /// <summary>Open records hold the customer and count toward the partner's cap.</summary>
    public bool IsOpenAt(DateTime now) => StatusAt(now) is PreregistrationStatus.PendingReview or PreregistrationStatus.Preregistered;

    public bool CanDeleteAt(DateTime now) =>
        StatusAt(now) is PreregistrationStatus.Preregistered or PreregistrationStatus.Rejected or PreregistrationStatus.Expired;

    public Result<Preregistration> Delete(DateTime now)
    {
        var status = StatusAt(now);
        if (!CanDeleteAt(now))
        {
            return PreregistrationErrors.CannotDelete(status);
        }

        Status = PreregistrationStatus.Deleted;
        DeletedAt = now;
        Version++;
        return this;
    }

    /// <summary>Marks a lapsed claim; idempotent, so two sweeps never double-act.</summary>
    public bool MarkExpiredIfLapsed(DateTime now)
    {
        if (Status != PreregistrationStatus.Preregistered || StatusAt(now) != PreregistrationStatus.Expired)
        {
            return false;
        }

        Status = PreregistrationStatus.Expired;
        Version++;
        return true;
    }

    public Result<Preregistration> Approve(DateTime now, string? reviewerId = null)
    {
        if (Status != PreregistrationStatus.PendingReview)
        {
            return PreregistrationErrors.AlreadyDecided(StatusAt(now));
        }

        DecidedAt = now;
        DecidedByUserId = reviewerId;
        StartValidity(now);
        return this;
    }

    public Result<Preregistration> Reject(string reason, DateTime now, string? reviewerId = null)
    {
        if (Status != PreregistrationStatus.PendingReview)
        {
            return PreregistrationErrors.AlreadyDecided(StatusAt(now));
        }

        DecidedByUserId = reviewerId;
        Status = PreregistrationStatus.Rejected;
        DecidedAt = now;
        Version++;
        RejectionReason = reason.Trim();
        return this;
    }

    public Result<Preregistration> MarkAssociated(DateTime now)
    {
        if (StatusAt(now) != PreregistrationStatus.Preregistered)
        {
            return PreregistrationErrors.NotInvitable(StatusAt(now));
        }

        Status = PreregistrationStatus.Associated;
        AssociatedAt = now;
        Version++;
        return this;
    }

    private void StartValidity(DateTime now)
    {
        Status = PreregistrationStatus.Preregistered;
        PreregisteredAt = now;
        ExpiresAt = now + Validity;
        Version++;
    }
}
