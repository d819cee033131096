using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Invitations;

namespace PartnerCenter.Core.Preregistrations;

/// <param name="Code">The refusal's stable code (the API reports it per item).</param>
public sealed record DeletionResult(Guid Id, string? Name, bool Deleted, string? Reason, string? Code = null);

/// <summary>
/// Deletes one or several of the partner's records. Pending review and Associated are refused; a
/// deleted record frees the customer (it leaves the unique open-claim index), revokes every
/// invitation link issued for it, and stays for history and audit.
/// </summary>
public sealed class DeletePreregistrations(IAppDb db, UnitOfWork unit, InvitationRevoker revoker, AuditLog audit, TimeProvider clock)
{
    public const int MaxBatch = 100;

    public static readonly Error NothingSelected = new("nothing_selected", "Select at least one customer to delete.");

    public static readonly Error TooMany = new("batch_too_large", new Phrase("Delete at most {0} customers at once.", MaxBatch));

    public static readonly Error Changed = Error.Conflict("changed",
        "Some of these records changed while you were deleting them. Reload the list and try again.");

    public async Task<Result<IReadOnlyList<DeletionResult>>> ExecuteAsync(string userId, int partnerId, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (Batch.Check(ids.Count, MaxBatch, NothingSelected, TooMany) is { } wrongSize)
        {
            return wrongSize;
        }

        var now = clock.UtcNow();
        var distinct = ids.Distinct().ToList();
        var records = await db.Preregistrations
            .OwnedBy(partnerId).Where(p => distinct.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, ct);

        // Another partner's ids are indistinguishable from unknown ones.
        if (records.Count == 0)
        {
            return Error.NotFound("Preregistration");
        }

        var results = new List<DeletionResult>();
        foreach (var id in distinct)
        {
            if (!records.TryGetValue(id, out var record))
            {
                results.Add(new DeletionResult(id, null, false, "Not found.", "not_found"));
                continue;
            }

            var before = record.StatusAt(now);
            var outcome = record.Delete(now);
            if (outcome.IsSuccess)
            {
                audit.Record(userId, partnerId, "PreregistrationDeleted", nameof(Preregistration), id.ToString(),
                    new { Status = before.ToString() }, new { Status = nameof(PreregistrationStatus.Deleted) });
            }

            results.Add(new DeletionResult(id, record.CustomerName, outcome.IsSuccess, outcome.Error?.Message, outcome.Error?.Code));
        }

        var deleted = results.Where(r => r.Deleted).Select(r => r.Id).ToList();
        await revoker.RevokeAsync(deleted, "Preregistration deleted", now, ct);
        return await unit.SaveAsync<IReadOnlyList<DeletionResult>>(results, ct, Changed);
    }
}
