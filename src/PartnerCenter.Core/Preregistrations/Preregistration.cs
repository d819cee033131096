using System.Linq.Expressions;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Partners;
using PartnerCenter.Core.Reviews;

namespace PartnerCenter.Core.Preregistrations;

/// <summary>
/// A partner's claim on a potential customer. Every status change goes through a method here that
/// refuses illegal moves; "Expired" is also derived from the clock, so the status is right at any
/// moment whether or not the sweep has marked it yet.
/// </summary>
public class Preregistration
{
    public const int NameMaxLength = PersonName.MaxLength;
    public const int RejectionReasonMaxLength = 500;
    public static readonly TimeSpan Validity = TimeSpan.FromDays(15);

    /// <summary>The partner is reminded this many days before a claim lapses (docs/domain.md, Reminders).</summary>
    public static readonly IReadOnlyList<int> ReminderDays = [3, 1];

    /// <summary>An ecosystem manager can return a request for edits at most this many times; then only approve or reject.</summary>
    public const int MaxReturns = 2;

    public const int ReturnCommentMaxLength = 500;

    /// <summary>A record left in Action required this many working days lapses to Expired.</summary>
    public const int ActionRequiredWorkingDays = 5;

    /// <summary>The partner can ask for an extension in the claim's last days: this long before it lapses.</summary>
    public static readonly TimeSpan ExtensionWindow = TimeSpan.FromDays(5);

    /// <summary>An approved extension adds this to the old expiry.</summary>
    public static readonly TimeSpan ExtensionLength = TimeSpan.FromDays(15);

    /// <summary>The list marks a claim that lapses within this time.</summary>
    public static readonly TimeSpan LapsingSoon = TimeSpan.FromDays(3);

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

    /// <summary>
    /// The language the customer's invitation emails are written in (<see cref="Languages"/>): chosen by the partner
    /// on the preregistration form, by default the partner user's own.
    /// </summary>
    public string CustomerLanguage { get; private set; } = Languages.English;
    public PreregistrationStatus Status { get; private set; }
    public ReviewTrigger ReviewTrigger { get; private set; }
    public string? CreatedByUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>When the claim became valid: at submission, or at approval after review.</summary>
    public DateTime? PreregisteredAt { get; private set; }
    /// <summary>When the claim lapses if nothing happens: 15 days of validity, or the Action required deadline.</summary>
    public DateTime? ExpiresAt { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    /// <summary>For Pending review: when the ecosystem manager's decision is due (2 working days).</summary>
    public DateTime? ReviewDueAt { get; private set; }

    /// <summary>When the current (or latest) review round opened: submission for review, resubmission, or extension request.</summary>
    public DateTime? ReviewOpenedAt { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public string? RejectionReason { get; private set; }
    public DateTime? DeletedAt { get; private set; }
    public DateTime? AssociatedAt { get; private set; }

    /// <summary>How many times an ecosystem manager returned the request for edits (at most <see cref="MaxReturns"/>).</summary>
    public int ReturnCount { get; private set; }

    /// <summary>The ecosystem manager's comment of the latest return, which the partner reads.</summary>
    public string? ReturnComment { get; private set; }

    /// <summary>The fields the latest return asks the partner to correct.</summary>
    public ReturnFields ReturnFields { get; private set; }

    public DateTime? ReturnedAt { get; private set; }

    /// <summary>When the partner asked for an extension (at most once per claim); null when never.</summary>
    public DateTime? ExtensionRequestedAt { get; private set; }

    public string? ExtensionReason { get; private set; }

    /// <summary>How the ecosystem manager decided the extension: null while pending or never asked.</summary>
    public bool? ExtensionApproved { get; private set; }

    /// <summary>The ecosystem manager's reason for declining the extension, which the partner reads.</summary>
    public string? ExtensionDeclineReason { get; private set; }

    /// <summary>Concurrency token: bumped by every status change, so of two racing changes exactly one is saved.</summary>
    public int Version { get; private set; }

    public static Preregistration Submit(
        int partnerId, string email, string name, MobileNumber mobile, bool sendInvitation,
        ReviewTrigger trigger, string? userId, DateTime now, DateTime? reviewDueAt = null, string? customerLanguage = null)
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
            CustomerLanguage = Languages.OrDefault(customerLanguage),
        };
        if (trigger == ReviewTrigger.None)
        {
            record.StartValidity(now);
        }
        else
        {
            record.Status = PreregistrationStatus.PendingReview;
            record.ReviewDueAt = reviewDueAt;
            record.ReviewOpenedAt = now;
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
        Status is PreregistrationStatus.Preregistered or PreregistrationStatus.ActionRequired && ExpiresAt <= now ? PreregistrationStatus.Expired : Status;

    /// <summary>
    /// <see cref="StatusAt"/> for queries: each record's partner and its status as of <paramref name="now"/>,
    /// computed by the database. Kept beside the in-memory form; a test checks the two agree.
    /// </summary>
    public static Expression<Func<Preregistration, PartnerStatus>> PartnerStatusAt(DateTime now) =>
        p => new PartnerStatus
        {
            PartnerId = p.PartnerId,
            Status = (p.Status == PreregistrationStatus.Preregistered || p.Status == PreregistrationStatus.ActionRequired) && p.ExpiresAt <= now
                ? PreregistrationStatus.Expired
                : p.Status,
        };

    /// <summary>
    /// <see cref="IsOpenAt"/> for queries. The literal <c>Status IN (1, 2, 8, 9)</c> (<see cref="OpenStatuses"/>) is the
    /// filter of the unique open-claim index, so SQLite seeks that partial index by email (and the partner indexes
    /// by status) instead of scanning every open row. Written as equalities, which EF Core folds into that <c>IN</c>: an
    /// array literal here would be evaluated (compiled) by EF's parameter extraction on every query.
    /// </summary>
    public static Expression<Func<Preregistration, bool>> OpenAt(DateTime now) =>
        p => (p.Status == PreregistrationStatus.PendingReview || p.Status == PreregistrationStatus.Preregistered
              || p.Status == PreregistrationStatus.ActionRequired || p.Status == PreregistrationStatus.ExtensionRequested)
             && (p.Status == PreregistrationStatus.PendingReview || p.Status == PreregistrationStatus.ExtensionRequested || p.ExpiresAt > now);

    /// <summary>The stored statuses that hold a claim (until they lapse): the unique open-claim index's filter lists exactly these.</summary>
    public static readonly IReadOnlyList<PreregistrationStatus> OpenStatuses =
        [PreregistrationStatus.PendingReview, PreregistrationStatus.Preregistered, PreregistrationStatus.ActionRequired, PreregistrationStatus.ExtensionRequested];

    /// <summary>The stored statuses that wait for an ecosystem manager's decision (a manual review, a resubmission, an extension).</summary>
    public static Expression<Func<Preregistration, bool>> InReview =>
        p => p.Status == PreregistrationStatus.PendingReview || p.Status == PreregistrationStatus.ExtensionRequested;

    /// <summary>
    /// <see cref="ReviewRound.IsOverdueAt"/> for queries: waiting for a decision whose target is at or before
    /// <paramref name="moment"/>.
    /// </summary>
    public static Expression<Func<Preregistration, bool>> ReviewOverdueAt(DateTime moment) =>
        p => (p.Status == PreregistrationStatus.PendingReview || p.Status == PreregistrationStatus.ExtensionRequested) && p.ReviewDueAt <= moment;

    /// <summary>
    /// The review round waiting for a decision: a manual review, a resubmission (Pending review after a return) or an
    /// extension request, with when it opened and its target; null when nothing waits (or no target is stored).
    /// </summary>
    public ReviewRound? OpenReview => (Status, ReviewDueAt) switch
    {
        (PreregistrationStatus.PendingReview, { } due) => new ReviewRound(ReturnCount > 0 ? ReviewKind.Resubmission : ReviewKind.ManualReview, ReviewOpenedAt ?? CreatedAt, due),
        (PreregistrationStatus.ExtensionRequested, { } due) => new ReviewRound(ReviewKind.Extension, ReviewOpenedAt ?? ExtensionRequestedAt ?? CreatedAt, due),
        _ => null,
    };

    /// <summary>Stored as Preregistered but lapsed: what the sweep marks Expired.</summary>
    public static Expression<Func<Preregistration, bool>> LapsedAt(DateTime now) =>
        p => (p.Status == PreregistrationStatus.Preregistered || p.Status == PreregistrationStatus.ActionRequired) && p.ExpiresAt <= now;

    /// <summary>Records whose <see cref="StatusAt"/> is <paramref name="status"/>, written so each case can use an index.</summary>
    public static Expression<Func<Preregistration, bool>> InStatusAt(PreregistrationStatus status, DateTime now) => status switch
    {
        PreregistrationStatus.Preregistered => p => p.Status == PreregistrationStatus.Preregistered && p.ExpiresAt > now,
        PreregistrationStatus.ActionRequired => p => p.Status == PreregistrationStatus.ActionRequired && p.ExpiresAt > now,
        PreregistrationStatus.Expired => p => p.Status == PreregistrationStatus.Expired
                                              || ((p.Status == PreregistrationStatus.Preregistered || p.Status == PreregistrationStatus.ActionRequired)
                                                  && p.ExpiresAt <= now),
        _ => p => p.Status == status,
    };

    /// <summary>
    /// Which reminder is due as of <paramref name="now"/>: 3 or 1 when the claim is Preregistered and lapses on the
    /// calendar day (in <paramref name="zone"/>, the partner's) that is that many days after today; else null.
    /// Everything lapsing on one day is due on the same day, so it goes out as one digest.
    /// </summary>
    public int? ReminderDueAt(DateTime now, TimeZoneInfo zone)
    {
        if (StatusAt(now) != PreregistrationStatus.Preregistered || ExpiresAt is not { } end)
        {
            return null;
        }

        var days = (TimeZones.ToLocal(end, zone).Date - TimeZones.ToLocal(now, zone).Date).Days;
        return ReminderDays.Contains(days) ? days : null;
    }

    /// <summary>Preregistered and lapsing within <see cref="LapsingSoon"/>: the list marks it.</summary>
    public bool IsLapsingSoonAt(DateTime now) => StatusAt(now) == PreregistrationStatus.Preregistered && ExpiresAt - now <= LapsingSoon;

    /// <summary>Open records hold the customer and count toward the partner's cap.</summary>
    public bool IsOpenAt(DateTime now) => OpenStatuses.Contains(StatusAt(now));

    /// <summary>What the partner may do with the record now; the list shows exactly these operations.</summary>
    public PreregistrationOperations AllowedOperations(DateTime now) => StatusAt(now) switch
    {
        PreregistrationStatus.Preregistered => PreregistrationOperations.Invite | PreregistrationOperations.CreateLink
            | PreregistrationOperations.RequestBackgroundAssociation | PreregistrationOperations.Delete | PreregistrationOperations.ViewInvitations
            | (ExtensionRequestedAt is null && ExpiresAt - now <= ExtensionWindow ? PreregistrationOperations.RequestExtension : PreregistrationOperations.None),
        PreregistrationStatus.ExtensionRequested => PreregistrationOperations.Delete | PreregistrationOperations.ViewInvitations,
        PreregistrationStatus.ActionRequired => PreregistrationOperations.Resubmit | PreregistrationOperations.Delete,
        PreregistrationStatus.Expired => PreregistrationOperations.Delete | PreregistrationOperations.ViewInvitations,
        PreregistrationStatus.Rejected => PreregistrationOperations.Delete,
        PreregistrationStatus.Associated => PreregistrationOperations.ViewInvitations,
        _ => PreregistrationOperations.None,
    };

    /// <summary>
    /// Why this customer cannot be invited (by email, link or QR code) or associated for
    /// <paramref name="partner"/> now, or null when it can: the one home of "only Preregistered" and of the
    /// prepaid refusal.
    /// </summary>
    public Error? CheckInvitable(Partner partner, DateTime now) =>
        Check(partner, now, PreregistrationOperations.Invite, PreregistrationErrors.NotInvitable(StatusAt(now)));

    /// <summary>Why the partner cannot ask for a background association now, or null when it can.</summary>
    public Error? CheckCanRequestBackgroundAssociation(Partner partner, DateTime now) =>
        Check(partner, now, PreregistrationOperations.RequestBackgroundAssociation, PreregistrationErrors.NotPreregisteredForBackground);

    private Error? Check(Partner partner, DateTime now, PreregistrationOperations operation, Error notAllowed) =>
        partner.CheckResellerModel() ?? (AllowedOperations(now).HasFlag(operation) ? null : notAllowed);

    public Result<Preregistration> Delete(DateTime now)
    {
        var status = StatusAt(now);
        if (!AllowedOperations(now).HasFlag(PreregistrationOperations.Delete))
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
        if (Status == StatusAt(now))
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

    /// <summary>Whether an ecosystem manager may still return this request for edits (Pending review, under <see cref="MaxReturns"/>).</summary>
    public bool CanBeReturned => Status == PreregistrationStatus.PendingReview && ReturnCount < MaxReturns;

    /// <summary>
    /// The ecosystem manager sends the request back to the partner to correct <paramref name="fields"/>: it becomes
    /// Action required, keeps its claim, and lapses at <paramref name="actionDueAt"/> (5 working days) unless resubmitted.
    /// </summary>
    public Result<Preregistration> ReturnForEdits(string comment, ReturnFields fields, DateTime now, DateTime actionDueAt, string? reviewerId = null)
    {
        if (Status != PreregistrationStatus.PendingReview)
        {
            return PreregistrationErrors.AlreadyDecided(StatusAt(now));
        }

        if (!CanBeReturned)
        {
            return PreregistrationErrors.ReturnLimitReached;
        }

        if (string.IsNullOrWhiteSpace(comment) || comment.Trim().Length > ReturnCommentMaxLength)
        {
            return PreregistrationErrors.ReturnCommentRequired;
        }

        if (fields == ReturnFields.None || (fields & ~(ReturnFields.Name | ReturnFields.Mobile)) != 0)
        {
            return PreregistrationErrors.ReturnFieldsRequired;
        }

        Status = PreregistrationStatus.ActionRequired;
        ReturnCount++;
        ReturnComment = comment.Trim();
        ReturnFields = fields;
        ReturnedAt = now;
        DecidedAt = now;
        DecidedByUserId = reviewerId;
        ExpiresAt = actionDueAt;
        Version++;
        return this;
    }

    /// <summary>
    /// The partner corrects the returned fields and sends the request back to the queue with a fresh target.
    /// Null keeps a field as it is; a field that was not marked cannot change.
    /// </summary>
    public Result<Preregistration> Resubmit(string? name, MobileNumber? mobile, DateTime now, DateTime reviewDueAt)
    {
        var status = StatusAt(now);
        if (status != PreregistrationStatus.ActionRequired)
        {
            return PreregistrationErrors.NotActionRequired(status);
        }

        var newName = name?.Trim();
        if ((newName is not null && newName != CustomerName && !ReturnFields.HasFlag(ReturnFields.Name))
            || (mobile is not null && mobile.E164 != MobileE164 && !ReturnFields.HasFlag(ReturnFields.Mobile)))
        {
            return PreregistrationErrors.FieldNotReturned;
        }

        if (newName is not null)
        {
            CustomerName = newName;
        }

        if (mobile is not null)
        {
            MobileE164 = mobile.E164;
            MobileRegion = mobile.RegionCode;
        }

        Status = PreregistrationStatus.PendingReview;
        ReviewDueAt = reviewDueAt;
        ReviewOpenedAt = now;
        ExpiresAt = null;
        Version++;
        return this;
    }

    /// <summary>
    /// The partner asks for 15 more days on a Preregistered claim in its last 5 days, once per claim: it becomes
    /// Extension requested, does not lapse while pending, and waits for an ecosystem manager until <paramref name="reviewDueAt"/>.
    /// </summary>
    public Result<Preregistration> RequestExtension(string reason, DateTime now, DateTime reviewDueAt)
    {
        if (ExtensionRequestedAt is not null)
        {
            return PreregistrationErrors.ExtensionAlreadyRequested;
        }

        if (!AllowedOperations(now).HasFlag(PreregistrationOperations.RequestExtension))
        {
            return PreregistrationErrors.ExtensionNotAllowed(StatusAt(now));
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > RejectionReasonMaxLength)
        {
            return PreregistrationErrors.ExtensionReasonRequired;
        }

        Status = PreregistrationStatus.ExtensionRequested;
        ExtensionRequestedAt = now;
        ExtensionReason = reason.Trim();
        ReviewDueAt = reviewDueAt;
        ReviewOpenedAt = now;
        Version++;
        return this;
    }

    /// <summary>The ecosystem manager grants the extension: the claim is Preregistered until the old expiry + 15 days.</summary>
    public Result<Preregistration> ApproveExtension(DateTime now, string? reviewerId = null)
    {
        if (Status != PreregistrationStatus.ExtensionRequested)
        {
            return PreregistrationErrors.AlreadyDecided(StatusAt(now));
        }

        Status = PreregistrationStatus.Preregistered;
        ExpiresAt += ExtensionLength;
        ExtensionApproved = true;
        DecidedAt = now;
        DecidedByUserId = reviewerId;
        Version++;
        return this;
    }

    /// <summary>The ecosystem manager declines the extension with a reason: the claim keeps its old expiry (it may have lapsed meanwhile).</summary>
    public Result<Preregistration> DeclineExtension(string reason, DateTime now, string? reviewerId = null)
    {
        if (Status != PreregistrationStatus.ExtensionRequested)
        {
            return PreregistrationErrors.AlreadyDecided(StatusAt(now));
        }

        Status = PreregistrationStatus.Preregistered;
        ExtensionApproved = false;
        ExtensionDeclineReason = reason.Trim();
        DecidedAt = now;
        DecidedByUserId = reviewerId;
        Version++;
        return this;
    }

    /// <summary>The customer accepted (or was associated in the background): the claim is fulfilled.</summary>
    public Result<Preregistration> MarkAssociated(Partner partner, DateTime now)
    {
        if (CheckInvitable(partner, now) is { } problem)
        {
            return problem;
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

/// <summary>One record's partner and status as of a moment (<see cref="Preregistration.PartnerStatusAt"/>).</summary>
public sealed class PartnerStatus
{
    public int PartnerId { get; init; }
    public PreregistrationStatus Status { get; init; }
}
