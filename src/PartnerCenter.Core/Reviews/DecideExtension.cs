using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Reviews;

/// <summary>
/// An ecosystem manager approves (old expiry + 15 days) or declines (with a reason) a partner's extension request,
/// for a partner they manage. One decision wins, as with manual reviews.
/// </summary>
public sealed class DecideExtension(IAppDb db, UnitOfWork unit, AuditLog audit, TimeProvider clock)
{
    public Task<Result<Preregistration>> ApproveAsync(string managerId, Guid id, CancellationToken ct) => DecideAsync(managerId, id, null, ct);

    public Task<Result<Preregistration>> DeclineAsync(string managerId, Guid id, string reason, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > DecideReview.ReasonMaxLength
            ? Task.FromResult(Result<Preregistration>.Fail(DecideReview.ReasonRequired))
            : DecideAsync(managerId, id, reason.Trim(), ct);

    private async Task<Result<Preregistration>> DecideAsync(string managerId, Guid id, string? declineReason, CancellationToken ct)
    {
        var record = await db.Preregistrations.FirstOrDefaultAsync(p => p.Id == id, ct);
        var partnerId = record is null ? null : await db.Partners.Where(p => p.Id == record.PartnerId && p.EcosystemManagerId == managerId).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (record is null || partnerId is null)
        {
            return Error.NotFound("Review");
        }

        var now = clock.UtcNow();
        var before = record.ExpiresAt;
        var round = record.OpenReview;
        var decided = declineReason is null ? record.ApproveExtension(now, managerId) : record.DeclineExtension(declineReason, now, managerId);
        if (!decided.IsSuccess)
        {
            return decided.Error!;
        }

        var decision = ReviewDecisions.Add(db, record, round, declineReason is null ? ReviewOutcome.ExtensionApproved : ReviewOutcome.ExtensionDeclined, now, managerId);
        audit.Record(managerId, partnerId, declineReason is null ? "ExtensionApproved" : "ExtensionDeclined", nameof(Preregistration), id.ToString(),
            new { Status = nameof(PreregistrationStatus.ExtensionRequested), ExpiresAt = before },
            new { Status = record.StatusAt(now).ToString(), record.ExpiresAt, Reason = declineReason, ReviewKind = decision?.Kind.ToString(), decision?.WithinTarget });
        var saved = await unit.SaveAsync(record, ct);
        if (saved.IsSuccess)
        {
            return saved;
        }

        var current = await db.Preregistrations.AsNoTracking().Where(p => p.Id == id).Select(p => p.Status).FirstAsync(ct);
        return PreregistrationErrors.AlreadyDecided(current);
    }
}
