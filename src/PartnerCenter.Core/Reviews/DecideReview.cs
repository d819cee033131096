using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Mail;
using PartnerCenter.Core.Partners;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Reviews;

/// <summary>
/// An ecosystem manager approves or rejects a Pending review record of a partner they manage.
/// Decisions are final: the record's concurrency token lets exactly one of two racing decisions
/// through, and the other manager is told it was already decided.
/// </summary>
public sealed class DecideReview(IAppDb db, UnitOfWork unit, InvitationIssuer invitations, PartnerNotices notices, AuditLog audit, PortalMetrics metrics, TimeProvider clock)
{
    public const int ReasonMaxLength = Preregistration.RejectionReasonMaxLength;

    public static readonly Error ReasonRequired = new("reason_required", "Enter the reason the partner will read.");

    public Task<Result<Preregistration>> ApproveAsync(string managerId, Guid id, CancellationToken ct) => DecideAsync(managerId, id, null, ct);

    public Task<Result<Preregistration>> RejectAsync(string managerId, Guid id, string reason, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMaxLength
            ? Task.FromResult(Result<Preregistration>.Fail(ReasonRequired))
            : DecideAsync(managerId, id, reason.Trim(), ct);

    private async Task<Result<Preregistration>> DecideAsync(string managerId, Guid id, string? rejection, CancellationToken ct)
    {
        var record = await db.Preregistrations.FirstOrDefaultAsync(p => p.Id == id, ct);
        var partner = record is null ? null : await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == record.PartnerId && p.EcosystemManagerId == managerId, ct);
        if (record is null || partner is null)
        {
            return Error.NotFound("Review");
        }

        var now = clock.UtcNow();
        var round = record.OpenReview;
        var decided = rejection is null ? record.Approve(now, managerId) : record.Reject(rejection, now, managerId);
        if (!decided.IsSuccess)
        {
            return decided.Error!;
        }

        var decision = ReviewDecisions.Add(db, record, round, rejection is null ? ReviewOutcome.Approved : ReviewOutcome.Rejected, now, managerId);
        audit.Record(managerId, partner.Id, rejection is null ? "ReviewApproved" : "ReviewRejected", nameof(Preregistration), id.ToString(),
            new { Status = nameof(PreregistrationStatus.PendingReview) }, new { Status = record.Status.ToString(), Reason = rejection, ReviewKind = decision?.Kind.ToString(), decision?.WithinTarget });
        // "Send invitation link: Yes" sends the invitation now, unless the partner cannot invite (prepaid):
        // then the partner is told in the decision email that it was not sent, and why.
        var notSent = rejection is null && record.SendInvitation ? record.CheckInvitable(partner, now) : null;
        var queued = rejection is null && record.SendInvitation && notSent is null;
        if (queued)
        {
            invitations.Add(await invitations.PrepareAsync(record, partner, InvitationChannel.Email, now, ct), record, managerId, now);
        }

        notices.Queue(await notices.PrepareAsync(partner, PartnerNotice.ReviewDecided,
            zone => new ReviewDecisionEmail(partner.Name, record.CustomerName, rejection is null, rejection, record.ExpiresAt, queued, notSent?.Text) { Zone = zone }, ct), now);
        var saved = await unit.SaveAsync(record, ct);
        if (saved.IsSuccess)
        {
            metrics.ReviewDecided(approved: rejection is null);
            return saved;
        }

        var current = await db.Preregistrations.AsNoTracking().Where(p => p.Id == id).Select(p => p.Status).FirstAsync(ct);
        return PreregistrationErrors.AlreadyDecided(current);
    }
}
