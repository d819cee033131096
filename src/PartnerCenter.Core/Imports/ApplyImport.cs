using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Imports;

public sealed record ImportProgress(int Applied, int Total, bool Completed);

/// <summary>
/// Import after the dry run, or Continue after an interruption: applies the batch's remaining rows in file order,
/// each as its own submission (so the cap and conflicts are decided at that moment). A row's final outcome is saved
/// in its submission's transaction (<see cref="SubmitPreregistration"/>'s journal), so no row is applied twice.
/// </summary>
public sealed class ApplyImport(IAppDb db, UnitOfWork unit, SubmitPreregistration submit, AuditLog audit, TimeProvider clock)
{
    /// <param name="submitReviews">For Import: the partner's choice for rows offered a manual review. Null for Continue.</param>
    /// <param name="rowLimit">Applies at most this many rows in this call; the rest waits for Continue.</param>
    public async Task<Result<ImportProgress>> ExecuteAsync(
        string userId, int partnerId, Guid batchId, bool? submitReviews, CancellationToken ct, int rowLimit = int.MaxValue)
    {
        var taken = await unit.RunAsync<bool>(async innerCt =>
        {
            var batch = await db.ImportBatches.FirstOrDefaultAsync(b => b.Id == batchId && b.PartnerId == partnerId, innerCt);
            if (batch is null)
            {
                return Error.NotFound("Import");
            }

            var now = clock.UtcNow();
            if ((submitReviews is { } choice ? batch.Start(choice, now) : batch.Take(now, renewing: false)) is { } refused)
            {
                return refused;
            }

            if (submitReviews is not null)
            {
                audit.Record(userId, partnerId, "ImportStarted", nameof(ImportBatch), batch.Id.ToString(), after: new { batch.SubmitReviews });
            }

            // Rows the import does not submit keep their dry run outcome.
            await db.ImportRows.Where(r => r.BatchId == batchId && r.Final == null && !(
                        r.Planned == ImportOutcome.Preregistered || r.Planned == ImportOutcome.Review
                        || r.Planned == ImportOutcome.Refused || r.Planned == ImportOutcome.OverCap))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Final, r => r.Planned).SetProperty(r => r.FinalMessage, r => r.PlannedMessage), innerCt);
            return Result<bool>.Ok(batch.SubmitReviews);
        }, ImportErrors.Running, ct);
        if (!taken.IsSuccess)
        {
            return taken.Error!;
        }

        var confirmReview = taken.Value;
        var pending = await db.ImportRows.AsNoTracking()
            .Where(r => r.BatchId == batchId && r.Final == null)
            .OrderBy(r => r.Number)
            .Take(rowLimit)
            .ToListAsync(ct);
        var renewAt = clock.UtcNow() + ImportBatch.Lease / 2;
        foreach (var row in pending)
        {
            await ApplyAsync(userId, partnerId, row, confirmReview, ct);
            if (clock.UtcNow() >= renewAt)
            {
                await RenewAsync(batchId, ct);
                renewAt = clock.UtcNow() + ImportBatch.Lease / 2;
            }
        }

        return await FinishAsync(userId, partnerId, batchId, ct);
    }

    private async Task ApplyAsync(string userId, int partnerId, ImportRow row, bool confirmReview, CancellationToken ct)
    {
        var request = new PreregistrationRequest(row.Name, row.Email, row.Mobile, row.SendInvitation, confirmReview);
        var result = await submit.ExecuteAsync(userId, partnerId, request, ct, async (outcome, innerCt) =>
        {
            var tracked = await TrackedAsync(row, innerCt);
            if (tracked.IsApplied)
            {
                return false;
            }

            tracked.Finish(Outcome(outcome), Message(outcome), outcome.Record?.Id);
            return true;
        });
        if (result.IsSuccess || result.Error == SubmitPreregistration.AlreadyTaken)
        {
            return;
        }

        // Refused: nothing of the submission was saved; the row's outcome is (unless another request got there first).
        var error = result.Error!;
        var causes = error.Causes ?? [error];
        var overCap = causes.All(c => c.Code == PreregistrationErrors.CapReached.Code);
        await unit.RunAsync<bool>(async innerCt =>
        {
            var tracked = await TrackedAsync(row, innerCt);
            if (!tracked.IsApplied)
            {
                tracked.Finish(overCap ? ImportOutcome.OverCap : ImportOutcome.Refused, error.Message);
            }

            return Result<bool>.Ok(true);
        }, ct);
    }

    private Task<ImportRow> TrackedAsync(ImportRow row, CancellationToken ct) =>
        db.ImportRows.FirstAsync(r => r.BatchId == row.BatchId && r.Number == row.Number, ct);

    private static ImportOutcome Outcome(SubmissionOutcome outcome) => outcome.Kind switch
    {
        SubmissionKind.Preregistered => ImportOutcome.Preregistered,
        SubmissionKind.PendingReview => ImportOutcome.Review,
        _ => ImportOutcome.ReviewNotSubmitted,
    };

    private static string Message(SubmissionOutcome outcome) => outcome.Kind switch
    {
        SubmissionKind.Preregistered => outcome.InvitationQueued ? "The invitation email is on its way."
            : outcome.InvitationRefused?.Message ?? "",
        SubmissionKind.PendingReview => $"{outcome.Record!.ReviewTrigger.Label()}.",
        _ => $"{outcome.Triggers[0].Label()}. Not submitted: the option to submit such rows for review was not chosen.",
    };

    private Task RenewAsync(Guid batchId, CancellationToken ct) => unit.RunAsync<bool>(async innerCt =>
    {
        var batch = await db.ImportBatches.FirstAsync(b => b.Id == batchId, innerCt);
        return batch.Take(clock.UtcNow(), renewing: true) is { } error ? Result<bool>.Fail(error) : Result<bool>.Ok(true);
    }, ct);

    private async Task<Result<ImportProgress>> FinishAsync(string userId, int partnerId, Guid batchId, CancellationToken ct)
    {
        return await unit.RunAsync<ImportProgress>(async innerCt =>
        {
            var batch = await db.ImportBatches.FirstAsync(b => b.Id == batchId, innerCt);
            var total = await db.ImportRows.CountAsync(r => r.BatchId == batchId, innerCt);
            var applied = await db.ImportRows.CountAsync(r => r.BatchId == batchId && r.Final != null, innerCt);
            if (applied == total && batch.Status == ImportStatus.Importing)
            {
                batch.Complete(clock.UtcNow());
                var outcomes = await db.ImportRows.Where(r => r.BatchId == batchId)
                    .GroupBy(r => r.Final).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(innerCt);
                audit.Record(userId, partnerId, "ImportCompleted", nameof(ImportBatch), batch.Id.ToString(),
                    after: outcomes.ToDictionary(o => o.Key.ToString()!, o => o.Count));
            }

            return Result<ImportProgress>.Ok(new ImportProgress(applied, total, batch.Status == ImportStatus.Completed));
        }, ct);
    }
}
