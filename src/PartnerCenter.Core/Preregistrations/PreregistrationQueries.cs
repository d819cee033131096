using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Partners;

namespace PartnerCenter.Core.Preregistrations;

public sealed record ListRequest(PreregistrationStatus? Status, string? Search, bool OldestFirst, int Page, int PageSize = 20);

public sealed record PreregistrationRow(
    Guid Id, string Name, string Email, string MobileE164, PreregistrationStatus Status, ReviewTrigger ReviewTrigger,
    DateTime CreatedAt, DateTime? PreregisteredAt, DateTime? ExpiresAt, string? RejectionReason, DateTime? ReviewDueAt,
    PreregistrationOperations Allowed)
{
    /// <summary>Whole days left, rounded up: "Expires in 3 days"; null when the record does not expire.</summary>
    public int? DaysLeft(DateTime now) =>
        Status == PreregistrationStatus.Preregistered && ExpiresAt is { } at ? (int)Math.Ceiling((at - now).TotalDays) : null;

    public bool Allows(PreregistrationOperations operation) => Allowed.HasFlag(operation);

    /// <summary>Waiting for the ecosystem manager: the list shows the trigger and when the decision is due.</summary>
    public bool AwaitsReview => Status == PreregistrationStatus.PendingReview;
}

public sealed record ListPage(IReadOnlyList<PreregistrationRow> Rows, int Total, int Page, int PageSize, int OpenCount)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
}

/// <summary>The working list and the counts, paged and filtered in the database.</summary>
public static class PreregistrationScopes
{
    /// <summary>The partner's own records that still exist for it; another partner's ids read as not found.</summary>
    public static IQueryable<Preregistration> OwnedBy(this IQueryable<Preregistration> query, int partnerId) =>
        query.Where(p => p.PartnerId == partnerId && p.Status != PreregistrationStatus.Deleted);
}

public sealed class PreregistrationQueries(IAppDb db, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// <summary>Open claims: Pending review, or Preregistered and not yet lapsed (whether or not the sweep has run).</summary>
    public static IQueryable<Preregistration> Open(IQueryable<Preregistration> query, DateTime now) => query.Where(Preregistration.OpenAt(now));

    public static Task<int> OpenCountAsync(IAppDb db, int partnerId, DateTime now, CancellationToken ct) =>
        Open(db.Preregistrations.Where(p => p.PartnerId == partnerId), now).CountAsync(ct);

    /// <summary>The partner's own record (not deleted) with the partner, read-only: what every row operation checks first.</summary>
    public async Task<Result<(Preregistration Record, Partner Partner)>> OwnWithPartnerAsync(int partnerId, Guid id, CancellationToken ct)
    {
        var record = await db.Preregistrations.AsNoTracking().OwnedBy(partnerId).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (record is null)
        {
            return Error.NotFound("Preregistration");
        }

        return (record, await db.Partners.AsNoTracking().FirstAsync(p => p.Id == partnerId, ct));
    }

    /// <summary>Whether the record is the partner's own (and not deleted).</summary>
    public Task<bool> IsOwnAsync(int partnerId, Guid id, CancellationToken ct) =>
        db.Preregistrations.OwnedBy(partnerId).AnyAsync(p => p.Id == id, ct);

    public Task<int> OpenCountAsync(int partnerId, CancellationToken ct) => OpenCountAsync(db, partnerId, clock.UtcNow(), ct);

    public async Task<ListPage> ListAsync(int partnerId, ListRequest request, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var query = Filtered(partnerId, request, now);
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        var page = Math.Clamp(request.Page, 1, pageCount);
        var records = await ByPreregisteredDate(query, request.OldestFirst).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var rows = records.Select(p => RowOf(p, now)).ToList();
        return new ListPage(rows, total, page, pageSize, await OpenCountAsync(db, partnerId, now, ct));
    }

    /// <summary>The partner's records the list's filters select (status at <paramref name="now"/>, exact email or name prefix).</summary>
    private IQueryable<Preregistration> Filtered(int partnerId, ListRequest request, DateTime now)
    {
        var query = db.Preregistrations.AsNoTracking().OwnedBy(partnerId);
        if (request.Status is { } status)
        {
            query = query.Where(Preregistration.InStatusAt(status, now));
        }

        var search = request.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            if (search.Contains('@', StringComparison.Ordinal))
            {
                var email = EmailAddress.Normalize(search);
                query = query.Where(p => p.CustomerEmail == email);
            }
            else
            {
                query = query.Where(p => p.CustomerName.StartsWith(search));
            }
        }

        return query;
    }

    /// <summary>Every record the list's filters select, in its order, streamed (an export of 20,000 rows holds one at a time).</summary>
    public async IAsyncEnumerable<PreregistrationRow> ExportAsync(int partnerId, ListRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        var now = clock.UtcNow();
        await foreach (var record in ByPreregisteredDate(Filtered(partnerId, request, now), request.OldestFirst).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return RowOf(record, now);
        }
    }

    /// <summary>
    /// "Sort by preregistered date": by the moment each record became Preregistered (at submission, or at
    /// approval after a review), the date the list shows. Records that never were (Pending review, rejected
    /// at review, historical) have no such date and come last, by submission.
    /// </summary>
    public static IOrderedQueryable<Preregistration> ByPreregisteredDate(IQueryable<Preregistration> query, bool oldestFirst) =>
        oldestFirst
            ? query.OrderBy(p => p.PreregisteredAt == null).ThenBy(p => p.PreregisteredAt).ThenBy(p => p.CreatedAt).ThenBy(p => p.Id)
            : query.OrderBy(p => p.PreregisteredAt == null).ThenByDescending(p => p.PreregisteredAt).ThenByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id);

    /// <summary>One of the partner's records as the list shows it, or not found (another partner's, deleted).</summary>
    public async Task<Result<PreregistrationRow>> RowAsync(int partnerId, Guid id, CancellationToken ct)
    {
        var record = await db.Preregistrations.AsNoTracking().OwnedBy(partnerId).FirstOrDefaultAsync(p => p.Id == id, ct);
        return record is null ? Error.NotFound("Preregistration") : RowOf(record, clock.UtcNow());
    }

    private static PreregistrationRow RowOf(Preregistration p, DateTime now) =>
        new(p.Id, p.CustomerName, p.CustomerEmail, p.MobileE164, p.StatusAt(now),
            p.ReviewTrigger, p.CreatedAt, p.PreregisteredAt, p.ExpiresAt, p.RejectionReason, p.ReviewDueAt, p.AllowedOperations(now));
}
