using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;

namespace PartnerCenter.Core.Usage;

public enum UsageStatus
{
    /// <summary>New: recorded now.</summary>
    Recorded = 1,
    /// <summary>A replay of an id already recorded (earlier, or earlier in the same batch): nothing changed.</summary>
    AlreadyRecorded = 2,
    /// <summary>Refused with a code; nothing recorded for it.</summary>
    Refused = 3,
}

/// <summary>A record as the portal keeps it; what a replay answers with.</summary>
public sealed record RecordedUsage(string Id, string CustomerEmail, decimal Amount, string Currency, DateTime OccurredAt, DateTime RecordedAt);

/// <summary>The answer for the record at <paramref name="Index"/> of the body.</summary>
public sealed record UsageResult(int Index, string? Id, UsageStatus Status, RecordedUsage? Record, Error? Error);

public sealed record UsageOutcome(IReadOnlyList<UsageResult> Results)
{
    public IEnumerable<UsageResult> Accepted => Results.Where(r => r.Status != UsageStatus.Refused);
    public IEnumerable<UsageResult> Refused => Results.Where(r => r.Status == UsageStatus.Refused);
}

/// <summary>
/// Records spend the platform reports (<c>POST /platform/usage</c>). Each record is judged on its own:
/// refused ones get a code, the others are recorded in one transaction, idempotent by id; then every
/// customer that got new spend has its budget evaluated (<see cref="BudgetWatch"/>) in the same transaction.
/// </summary>
public sealed class RecordUsage(IAppDb db, UnitOfWork unit, BudgetWatch watch, TimeProvider clock)
{
    /// <summary>A lost race (a concurrent replay of the same id, a partner changing the account) reruns the whole unit.</summary>
    private const int Attempts = 4;

    public async Task<Result<UsageOutcome>> ExecuteAsync(IReadOnlyList<UsageLine> lines, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var results = new UsageResult?[lines.Count];
        var valid = new List<(int Index, UsageLine Line, string Email)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (UsageRecord.Check(lines[i], now) is { } error)
            {
                results[i] = new UsageResult(i, lines[i].Id, UsageStatus.Refused, null, error);
            }
            else
            {
                valid.Add((i, lines[i], EmailAddress.Normalize(lines[i].CustomerEmail!)));
            }
        }

        var emails = valid.Select(v => v.Email).Distinct().ToList();
        var accounts = emails.Count == 0
            ? []
            : await db.CustomerAccounts.AsNoTracking().Where(a => emails.Contains(a.Email))
                .Select(a => new { a.Id, a.Email, a.AssociatedPartnerId })
                .ToDictionaryAsync(a => a.Email, ct);
        var toRecord = new List<(int Index, UsageLine Line, int AccountId, string Email)>();
        foreach (var (index, line, email) in valid)
        {
            var refusal = !accounts.TryGetValue(email, out var account) ? UsageErrors.UnknownCustomer
                : account.AssociatedPartnerId is null ? UsageErrors.NotAPartnerCustomer
                : null;
            if (refusal is null)
            {
                toRecord.Add((index, line, account!.Id, email));
            }
            else
            {
                results[index] = new UsageResult(index, line.Id, UsageStatus.Refused, null, refusal);
            }
        }

        if (toRecord.Count > 0)
        {
            var recorded = await RecordWithRetriesAsync(toRecord, now, ct);
            if (!recorded.IsSuccess)
            {
                return recorded.Error!;
            }

            foreach (var result in recorded.Value!)
            {
                results[result.Index] = result;
            }
        }

        return new UsageOutcome(results.Select(r => r!).ToList());
    }

    private async Task<Result<List<UsageResult>>> RecordWithRetriesAsync(
        List<(int Index, UsageLine Line, int AccountId, string Email)> toRecord, DateTime now, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await unit.RunAsync(t => RecordAsync(toRecord, now, t), ct);
                if (result.IsSuccess || result.Error!.Kind != ErrorKind.Conflict || attempt == Attempts)
                {
                    return result;
                }
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // A concurrent request recorded one of these ids first (the unique index): run again, and
                // the replay is found and answered as already recorded.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Result<List<UsageResult>>> RecordAsync(
        List<(int Index, UsageLine Line, int AccountId, string Email)> toRecord, DateTime now, CancellationToken ct)
    {
        // Lock first, then look for replays: a concurrent replay of the same id waits here and then sees the committed record.
        var accountIds = toRecord.Select(r => r.AccountId).Distinct().Order().ToList();
        await watch.LockAsync(accountIds, ct);

        var ids = toRecord.Select(r => r.Line.Id!).Distinct().ToList();
        var known = await db.UsageRecords.AsNoTracking().Where(r => ids.Contains(r.ExternalId))
            .Join(db.CustomerAccounts, r => r.CustomerAccountId, a => a.Id,
                (r, a) => new RecordedUsage(r.ExternalId, a.Email, r.Amount, UsageRecord.Currency, r.OccurredAt, r.RecordedAt))
            .ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, ct);

        var results = new List<UsageResult>();
        var touched = new HashSet<int>();
        foreach (var (index, line, accountId, email) in toRecord)
        {
            if (known.TryGetValue(line.Id!, out var earlier))
            {
                results.Add(new UsageResult(index, line.Id, UsageStatus.AlreadyRecorded, earlier, null));
                continue;
            }

            var record = new UsageRecord
            {
                ExternalId = line.Id!,
                CustomerAccountId = accountId,
                Amount = line.Amount!.Value,
                OccurredAt = line.OccurredAt!.Value,
                RecordedAt = now,
            };
            db.UsageRecords.Add(record);
            touched.Add(accountId);
            var view = new RecordedUsage(record.ExternalId, email, record.Amount, UsageRecord.Currency, record.OccurredAt, now);
            known[record.ExternalId] = view;
            results.Add(new UsageResult(index, line.Id, UsageStatus.Recorded, view, null));
        }

        if (touched.Count == 0)
        {
            return results;
        }

        // The new records count in the sums below.
        await db.SaveChangesAsync(ct);
        var accounts = await db.CustomerAccounts.Where(a => touched.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(ct);
        var partnerIds = accounts.Select(a => a.AssociatedPartnerId!.Value).Distinct().ToList();
        var partners = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var account in accounts)
        {
            await watch.CheckAsync(account, partners[account.AssociatedPartnerId!.Value], now, ct);
        }

        return results;
    }
}
