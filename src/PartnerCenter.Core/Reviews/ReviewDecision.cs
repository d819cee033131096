using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Reviews;

/// <summary>What an ecosystem manager is asked to decide. Explicit values: they are stored.</summary>
public enum ReviewKind
{
    /// <summary>A preregistration that needs a manual review (a review trigger applied).</summary>
    ManualReview = 1,

    /// <summary>A partner's request for 15 more days on a claim.</summary>
    Extension = 2,

    /// <summary>A request the partner corrected and sent back after a Return to partner.</summary>
    Resubmission = 3,
}

/// <summary>How a review round ended. Explicit values: they are stored.</summary>
public enum ReviewOutcome
{
    Approved = 1,
    Rejected = 2,
    Returned = 3,
    ExtensionApproved = 4,
    ExtensionDeclined = 5,
}

public static class ReviewKindLabels
{
    public static string Label(this ReviewKind kind) => kind.Text().ToString();

    /// <summary>The kind's text, translated when read: an argument of other messages.</summary>
    public static Phrase Text(this ReviewKind kind) => kind switch
    {
        ReviewKind.Extension => "Extension request",
        ReviewKind.Resubmission => "Resubmission",
        _ => "Manual review",
    };
}

/// <summary>
/// One open review round of a record: its kind, when it opened and its target (working days, <see cref="WorkingDays"/>).
/// A resubmission or an extension request opens a fresh round with a fresh target.
/// </summary>
public sealed record ReviewRound(ReviewKind Kind, DateTime OpenedAt, DateTime DueAt)
{
    /// <summary>How far past its target a round is when it is escalated.</summary>
    public const int EscalationWorkingDays = 1;

    /// <summary>The least wall-clock time one working day past a target can be (a 23-hour day of a daylight-saving change).</summary>
    public static readonly TimeSpan EscalationAtLeast = TimeSpan.FromHours(23);

    /// <summary>Past its target: shown first, listed in the ecosystem manager's daily digest.</summary>
    public bool IsOverdueAt(DateTime now) => DueAt <= now;

    /// <summary>
    /// When the round is escalated: <see cref="EscalationWorkingDays"/> working day past its target, counted as the target is.
    /// </summary>
    public DateTime EscalatesAt(WorkingDays workingDays) => workingDays.AddWorkingDays(DueAt, EscalationWorkingDays);

    public bool IsEscalationDueAt(DateTime now, WorkingDays workingDays) => EscalatesAt(workingDays) <= now;
}

/// <summary>
/// A decided review round, kept for the dashboard's share decided within target: written in the same transaction as
/// the decision (approve, reject, return to partner, extension approve or decline).
/// </summary>
public class ReviewDecision
{
    public long Id { get; private set; }
    public Guid PreregistrationId { get; private set; }
    public int PartnerId { get; private set; }
    public ReviewKind Kind { get; private set; }
    public ReviewOutcome Outcome { get; private set; }
    public DateTime OpenedAt { get; private set; }
    public DateTime DueAt { get; private set; }
    public DateTime DecidedAt { get; private set; }
    public string? DecidedByUserId { get; private set; }

    /// <summary>Decided at or before its target.</summary>
    public bool WithinTarget { get; private set; }

    public static ReviewDecision Of(Guid preregistrationId, int partnerId, ReviewRound round, ReviewOutcome outcome, DateTime decidedAt, string? decidedBy) => new()
    {
        PreregistrationId = preregistrationId,
        PartnerId = partnerId,
        Kind = round.Kind,
        Outcome = outcome,
        OpenedAt = round.OpenedAt,
        DueAt = round.DueAt,
        DecidedAt = decidedAt,
        DecidedByUserId = decidedBy,
        WithinTarget = decidedAt <= round.DueAt,
    };
}

/// <summary>
/// An escalation that went out for one review round (a record and its target). The unique key (record, target) keeps it
/// once per round across app instances; a resubmission or an extension has a fresh target, so it may be escalated again.
/// </summary>
public class ReviewEscalation
{
    public long Id { get; set; }
    public Guid PreregistrationId { get; set; }
    public int PartnerId { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime At { get; set; }
}

/// <summary>
/// The daily digest of overdue reviews that went out to one ecosystem manager on one calendar day (in the manager's
/// zone). The unique key (manager, day) keeps it once a day across app instances.
/// </summary>
public class OverdueDigest
{
    public long Id { get; set; }
    public string ManagerId { get; set; } = "";
    public DateOnly Day { get; set; }
    public int Items { get; set; }
    public DateTime At { get; set; }
}

/// <summary>The one place a decision's record is added, beside the decision (same save).</summary>
public static class ReviewDecisions
{
    /// <param name="round">The record's <see cref="Preregistration.OpenReview"/> taken before the decision changed it.</param>
    /// <returns>The record added, or null when the round had no target (nothing to measure).</returns>
    public static ReviewDecision? Add(IAppDb db, Preregistration record, ReviewRound? round, ReviewOutcome outcome, DateTime now, string? managerId)
    {
        if (round is null)
        {
            return null;
        }

        var decision = ReviewDecision.Of(record.Id, record.PartnerId, round, outcome, now, managerId);
        db.ReviewDecisions.Add(decision);
        return decision;
    }
}
