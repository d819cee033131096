using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Imports;

/// <summary>
/// The dry run of an upload: every row's outcome by the rules of a single submission (<see cref="SubmitPreregistration.AssessAsync"/>),
/// in file order, with duplicates within the file and the rows beyond the partner's free slots under the cap. Saves the
/// batch for the Import step; no preregistration is saved and no email is queued.
/// </summary>
public sealed class PlanImport(IAppDb db, SubmitPreregistration submissions, AuditLog audit, TimeProvider clock)
{
    public const string SendInvitationColumn = "Send invitation link";

    public async Task<Result<ImportBatch>> ExecuteAsync(string userId, int partnerId, string fileName, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return ImportErrors.NoRows;
        }

        if (rows.Count > ImportBatch.MaxRows)
        {
            return ImportErrors.TooManyRows;
        }

        var now = clock.UtcNow();
        var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == partnerId, ct);
        var free = Math.Max(0, PreregistrationRules.Cap - await PreregistrationQueries.OpenCountAsync(db, partnerId, now, ct));
        var slots = free;
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Planned != ImportOutcome.Invalid))
        {
            if (ImportOutcomes.ParseYesNo(row.SendInvitationText) is not { } send)
            {
                row.Invalid(SendInvitationColumn, "Write Yes or No.");
                continue;
            }

            row.SetSendInvitation(send);
            if (!MobileNumber.TryParse(row.Mobile, out var mobile) || !EmailAddress.IsWellFormed(row.Email.Trim()))
            {
                row.Invalid("Email address", "Check the email address and mobile number.");
                continue;
            }

            var email = EmailAddress.Normalize(row.Email);
            if (firstRowOf.TryGetValue(email, out var first))
            {
                row.PlanAs(ImportOutcome.Duplicate, $"The same email address is on row {first}; only that row is imported.");
                continue;
            }

            firstRowOf[email] = row.Number;
            var verdict = await submissions.AssessAsync(partner, email, mobile!, now, countCap: false, ct);
            if (verdict.IsRefused)
            {
                row.PlanAs(ImportOutcome.Refused, Error.AllOf(verdict.Refusals).Message);
            }
            else if (slots == 0)
            {
                row.PlanAs(ImportOutcome.OverCap, OverCapMessage(free));
            }
            else
            {
                slots--;
                row.PlanAs(verdict.NeedsReview ? ImportOutcome.Review : ImportOutcome.Preregistered,
                    verdict.NeedsReview ? $"{verdict.FirstTrigger.Label()}." : send ? "The invitation email would be sent." : "");
            }
        }

        // Uploaded files are personal data: the partner's older imports are purged as a new one arrives.
        await db.ImportBatches.Where(b => b.PartnerId == partnerId && b.CreatedAt < now - ImportBatch.Retention).ExecuteDeleteAsync(ct);

        var batch = ImportBatch.Plan(partnerId, userId, fileName, rows, now);
        db.ImportBatches.Add(batch);
        audit.Record(userId, partnerId, "ImportPlanned", nameof(ImportBatch), batch.Id.ToString(),
            after: new { batch.FileName, Rows = rows.Count, Outcomes = rows.GroupBy(r => r.Planned.ToString()).ToDictionary(g => g.Key, g => g.Count()) });
        await db.SaveChangesAsync(ct);
        return batch;
    }

    internal static string OverCapMessage(int free) => free == 0
        ? $"The partner already has {PreregistrationRules.Cap} open preregistrations."
        : $"Only {free} of the {PreregistrationRules.Cap} preregistrations were free, and the rows above take them.";
}
