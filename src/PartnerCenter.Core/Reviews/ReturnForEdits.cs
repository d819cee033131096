using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Reviews;

/// <summary>
/// An ecosystem manager returns a Pending review record to the partner with a comment and the fields to correct
/// (name, mobile): it becomes Action required, keeps its claim and cap slot, and lapses to Expired after
/// <see cref="Preregistration.ActionRequiredWorkingDays"/> working days unless the partner resubmits it.
/// </summary>
public sealed class ReturnForEdits(IAppDb db, UnitOfWork unit, WorkingDays workingDays, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<Preregistration>> ExecuteAsync(string managerId, Guid id, string comment, ReturnFields fields, CancellationToken ct)
    {
        var record = await db.Preregistrations.FirstOrDefaultAsync(p => p.Id == id, ct);
        var partner = record is null ? null : await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == record.PartnerId && p.EcosystemManagerId == managerId, ct);
        if (record is null || partner is null)
        {
            return Error.NotFound("Review");
        }

        var now = clock.UtcNow();
        var round = record.OpenReview;
        var returned = record.ReturnForEdits(comment ?? "", fields, now, workingDays.AddWorkingDays(now, Preregistration.ActionRequiredWorkingDays), managerId);
        if (!returned.IsSuccess)
        {
            return returned.Error!;
        }

        var decision = ReviewDecisions.Add(db, record, round, ReviewOutcome.Returned, now, managerId);
        audit.Record(managerId, partner.Id, "ReviewReturned", nameof(Preregistration), id.ToString(),
            new { Status = nameof(PreregistrationStatus.PendingReview) },
            new { Status = record.Status.ToString(), Fields = fields.ToString(), record.ReturnCount, ActionDueAt = record.ExpiresAt, ReviewKind = decision?.Kind.ToString(), decision?.WithinTarget });
        var saved = await unit.SaveAsync(record, ct);
        if (saved.IsSuccess)
        {
            return saved;
        }

        var current = await db.Preregistrations.AsNoTracking().Where(p => p.Id == id).Select(p => p.Status).FirstAsync(ct);
        return PreregistrationErrors.AlreadyDecided(current);
    }
}
