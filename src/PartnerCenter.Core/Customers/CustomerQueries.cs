using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Customers;

public sealed record AdjustmentLine(DateTime At, AdjustmentKind Kind, string Before, string After, string? Reason, string? Actor);

/// <param name="UsedAmount">Spend in the current period (<see cref="CustomerAccount.UsedSince"/>).</param>
public sealed record CustomerRow(int Id, string Name, string Email, DateTime? AssociatedAt, bool IsFrozen,
    BudgetType BudgetType, decimal BudgetAmount, decimal UsedAmount, FreezeOnExhaustion OnExhaustion, int Version = 0)
{
    /// <summary>The badge the Customers page shows: "80% used" or "Budget exhausted".</summary>
    public BudgetLevel? Level => BudgetType == BudgetType.None ? null : BudgetLevels.Highest(UsedAmount, BudgetAmount);
}

/// <summary>What a signed-in customer reads on My Partner.</summary>
public sealed record MyPartner(string? PartnerName, DateTime? Since, bool IsFrozen, BudgetType BudgetType, decimal BudgetAmount, decimal UsedAmount,
    string? ResetStatement);

public enum CustomerSort
{
    /// <summary>Associated on, newest first (the default).</summary>
    AssociatedNewest = 0,
    AssociatedOldest = 1,
    /// <summary>Used, highest first.</summary>
    UsedHighest = 2,
    UsedLowest = 3,
}

/// <summary>Search (exact email, or name prefix), filters and sort of Sales &gt; Customers; null filters are "any".</summary>
public sealed record CustomerListRequest(string? Search, bool? Frozen, bool? BudgetSet, bool OverAlertShare, CustomerSort Sort, int Page, int PageSize = 20);

public sealed record CustomerPage(IReadOnlyList<CustomerRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
}

/// <summary>A customer's request to end the association, as the partner (or its ecosystem manager) reads it.</summary>
public sealed record DisassociationRow(Guid Id, int AccountId, string CustomerName, string CustomerEmail, string Reason, DateTime RequestedAt, DateTime DueAt, bool Overdue, string? PartnerName = null);

/// <summary>The signed-in customer's latest request to end the association.</summary>
public sealed record MyDisassociation(DisassociationStatus Status, DateTime RequestedAt, DateTime DueAt, string Reason, string? DeclineReason, DateTime? DecidedAt);

/// <summary>The partner's associated customers (Sales &gt; Customers) and their adjustment records.</summary>
public sealed class CustomerQueries(IAppDb db, CustomerSpend spend, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// <summary>One page of the partner's customers: searched, filtered, sorted and paged in the database.</summary>
    public async Task<CustomerPage> PageAsync(int partnerId, CustomerListRequest request, CancellationToken ct)
    {
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var (accounts, withUsed) = await FilteredAsync(partnerId, request, ct);
        // Without "over 80%", counting needs no Used: the plain accounts are counted.
        var total = await (request.OverAlertShare ? withUsed.CountAsync(ct) : accounts.CountAsync(ct));
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        var page = Math.Clamp(request.Page, 1, pageCount);
        var rows = await Sorted(withUsed, request.Sort).Skip((page - 1) * pageSize).Take(pageSize).Select(AsRow).ToListAsync(ct);
        return new CustomerPage(rows, total, page, pageSize);
    }

    /// <summary>
    /// Every customer the page shows for <paramref name="request"/> (its search, filters and sort; not its page), read
    /// from the database row by row as the caller asks for them: Export writes them out without holding the list.
    /// </summary>
    public async IAsyncEnumerable<CustomerRow> ExportAsync(int partnerId, CustomerListRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        var (_, withUsed) = await FilteredAsync(partnerId, request, ct);
        await foreach (var row in Sorted(withUsed, request.Sort).Select(AsRow).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row;
        }
    }

    /// <summary>The list's search and filters, with Used summed in the database (<see cref="CustomerSpend.WithUsed"/>).</summary>
    private async Task<(IQueryable<CustomerAccount> Accounts, IQueryable<AccountWithUsed> WithUsed)> FilteredAsync(
        int partnerId, CustomerListRequest request, CancellationToken ct)
    {
        var query = db.CustomerAccounts.AsNoTracking().Where(a => a.AssociatedPartnerId == partnerId);
        var search = request.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            if (search.Contains('@', StringComparison.Ordinal))
            {
                var email = EmailAddress.Normalize(search);
                query = query.Where(a => a.Email == email);
            }
            else
            {
                query = query.Where(a => a.Name.StartsWith(search));
            }
        }

        if (request.Frozen is { } frozen)
        {
            query = query.Where(a => a.IsFrozen == frozen);
        }

        if (request.BudgetSet is { } set)
        {
            query = set ? query.Where(a => a.BudgetType != BudgetType.None) : query.Where(a => a.BudgetType == BudgetType.None);
        }

        // Used is summed in the database, so "over 80%" and the sort by used stay there too.
        var withUsed = spend.WithUsed(query, await MonthStartAsync(partnerId, ct));
        return (query, request.OverAlertShare ? withUsed.Where(AccountWithUsed.ReachedWarning) : withUsed);
    }

    private static IOrderedQueryable<AccountWithUsed> Sorted(IQueryable<AccountWithUsed> rows, CustomerSort sort) => sort switch
    {
        CustomerSort.AssociatedOldest => rows.OrderBy(x => x.Account.AssociatedAt).ThenBy(x => x.Account.Id),
        CustomerSort.UsedHighest => rows.OrderByDescending(x => x.Used).ThenByDescending(x => x.Account.Id),
        CustomerSort.UsedLowest => rows.OrderBy(x => x.Used).ThenBy(x => x.Account.Id),
        _ => rows.OrderByDescending(x => x.Account.AssociatedAt).ThenByDescending(x => x.Account.Id),
    };

    /// <summary>A customer as the list shows it.</summary>
    private static readonly Expression<Func<AccountWithUsed, CustomerRow>> AsRow = x => new CustomerRow(x.Account.Id, x.Account.Name,
        x.Account.Email, x.Account.AssociatedAt, x.Account.IsFrozen, x.Account.BudgetType, x.Account.BudgetAmount, x.Used,
        x.Account.FreezeOnExhaustion, x.Account.Version);

    /// <summary>The partner's customers' requests to end the association that wait for its answer, oldest first.</summary>
    public async Task<List<DisassociationRow>> PendingRequestsAsync(int partnerId, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var rows = await (from r in db.DisassociationRequests
                          join a in db.CustomerAccounts on r.CustomerAccountId equals a.Id
                          where r.PartnerId == partnerId && r.Status == DisassociationStatus.Pending
                          orderby r.RequestedAt
                          select new { Request = r, a.Name, a.Email })
            .AsNoTracking().ToListAsync(ct);
        return rows.Select(x => new DisassociationRow(x.Request.Id, x.Request.CustomerAccountId, x.Name, x.Email, x.Request.Reason,
            x.Request.RequestedAt, x.Request.DueAt, x.Request.IsOverdue(now))).ToList();
    }

    /// <summary>Overdue requests of the partners this ecosystem manager looks after.</summary>
    public async Task<List<DisassociationRow>> OverdueForManagerAsync(string managerId, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var rows = await (from r in db.DisassociationRequests
                          join a in db.CustomerAccounts on r.CustomerAccountId equals a.Id
                          join p in db.Partners on r.PartnerId equals p.Id
                          where p.EcosystemManagerId == managerId && r.Status == DisassociationStatus.Pending
                          orderby r.RequestedAt
                          select new { Request = r, a.Name, a.Email, Partner = p.Name })
            .AsNoTracking().ToListAsync(ct);
        return rows.Where(x => x.Request.IsOverdue(now))
            .Select(x => new DisassociationRow(x.Request.Id, x.Request.CustomerAccountId, x.Name, x.Email, x.Request.Reason,
                x.Request.RequestedAt, x.Request.DueAt, true, x.Partner)).ToList();
    }

    /// <summary>The partner's own pending request, for the answer forms; null when it is not the partner's or not pending.</summary>
    public async Task<DisassociationRow?> PendingRequestAsync(int partnerId, Guid id, CancellationToken ct) =>
        (await PendingRequestsAsync(partnerId, ct)).FirstOrDefault(r => r.Id == id);

    public Task<bool> IsOwnRequestAsync(int partnerId, Guid id, CancellationToken ct) =>
        db.DisassociationRequests.AnyAsync(r => r.Id == id && r.PartnerId == partnerId, ct);

    /// <summary>The signed-in customer's latest request to end the association, if any.</summary>
    public async Task<MyDisassociation?> MyRequestAsync(string customerUserId, CancellationToken ct)
    {
        var request = await (from u in db.Users
                             join r in db.DisassociationRequests on u.CustomerAccountId equals r.CustomerAccountId
                             where u.Id == customerUserId
                             orderby r.RequestedAt descending
                             select r)
            .AsNoTracking().FirstOrDefaultAsync(ct);
        return request is null ? null
            : new MyDisassociation(request.Status, request.RequestedAt, request.DueAt, request.Reason, request.DeclineReason, request.DecidedAt);
    }

    /// <param name="ids">Only these customers (still only the partner's own); null for all.</param>
    public async Task<List<CustomerRow>> ListAsync(int partnerId, CancellationToken ct, IReadOnlyCollection<int>? ids = null)
    {
        var mine = db.CustomerAccounts.AsNoTracking().Where(a => a.AssociatedPartnerId == partnerId && (ids == null || ids.Contains(a.Id)));
        return await spend.WithUsed(mine, await MonthStartAsync(partnerId, ct))
            .OrderByDescending(x => x.Account.AssociatedAt)
            .Select(AsRow)
            .ToListAsync(ct);
    }

    /// <summary>The sentence the pages show about the Monthly reset in the partner's zone.</summary>
    public async Task<string> ResetStatementAsync(int partnerId, CancellationToken ct)
    {
        var partner = await db.Partners.AsNoTracking().SingleAsync(p => p.Id == partnerId, ct);
        return BudgetPeriod.ResetStatement(partner.TimeZone, clock.UtcNow());
    }

    private async Task<DateTime> MonthStartAsync(int partnerId, CancellationToken ct)
    {
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnerId, ct);
        return BudgetPeriod.MonthStart(clock.UtcNow(), partner?.TimeZone ?? TimeZoneInfo.Utc);
    }

    public async Task<Result<(CustomerRow Customer, List<AdjustmentLine> Records)>> AdjustmentsAsync(int partnerId, int accountId, CancellationToken ct)
    {
        var customer = (await ListAsync(partnerId, ct, [accountId])).FirstOrDefault();
        if (customer is null)
        {
            return Error.NotFound("Customer");
        }

        var records = await db.BudgetAdjustments.AsNoTracking()
            .Where(b => b.CustomerAccountId == accountId && b.PartnerId == partnerId)
            .OrderByDescending(b => b.Id)
            .Select(b => new AdjustmentLine(b.At, b.Kind, b.Before, b.After, b.Reason,
                b.ActorUserId == null ? CustomerAdjustments.SystemActor : db.Users.Where(u => u.Id == b.ActorUserId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);
        return (customer, records);
    }

    /// <summary>The customer's partner, budget, spend in the period and frozen state, or null for a user without a customer account.</summary>
    public async Task<MyPartner?> MyPartnerAsync(string customerUserId, CancellationToken ct)
    {
        var account = await (from u in db.Users
                             join a in db.CustomerAccounts on u.CustomerAccountId equals a.Id
                             where u.Id == customerUserId
                             select a).AsNoTracking().FirstOrDefaultAsync(ct);
        if (account is null)
        {
            return null;
        }

        var partner = account.AssociatedPartnerId is { } partnerId ? await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnerId, ct) : null;
        var zone = partner?.TimeZone ?? TimeZoneInfo.Utc;
        var now = clock.UtcNow();
        var used = await spend.UsedAsync(account, BudgetPeriod.MonthStart(now, zone), ct);
        return new MyPartner(partner?.Name, account.AssociatedAt, account.IsFrozen, account.BudgetType, account.BudgetAmount, used,
            partner is null ? null : BudgetPeriod.ResetStatement(zone, now));
    }

    /// <summary>The partner's own accounts among <paramref name="ids"/>, tracked for a change.</summary>
    internal Task<List<CustomerAccount>> MineAsync(int partnerId, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        db.CustomerAccounts.Where(a => ids.Contains(a.Id) && a.AssociatedPartnerId == partnerId).ToListAsync(ct);
}
