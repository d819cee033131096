using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Reviews;

public sealed record ReviewItem(
    Guid Id, string PartnerName, string CustomerName, string CustomerEmail, string MobileE164, string MobileRegion,
    ReviewTrigger Trigger, DateTime SubmittedAt, DateTime DueAt, CustomerAccount? Account)
{
    public TimeSpan TimeLeft(DateTime now) => DueAt - now;
    public bool IsOverdue(DateTime now) => DueAt <= now;
}

public sealed record LookupResult(
    string Email, bool CanPreregister, IReadOnlyList<Error> Causes, IReadOnlyList<ReviewTrigger> ReviewTriggersForNone,
    string? HeldBy, DateTime? HeldUntil, PreregistrationStatus? HeldStatus, string? AssociatedWith, CustomerAccount? Account);

public sealed record TicketItem(BackgroundAssociationTicket Ticket, string PartnerName, string CustomerName, string CustomerEmail);

public sealed record PartnerStats(int PartnerId, string PartnerName, IReadOnlyDictionary<PreregistrationStatus, int> ByStatus,
    int DueToday, int Overdue, int Invitations30Days, int Associated30Days)
{
    public double AssociationRate => Invitations30Days == 0 ? 0 : (double)Associated30Days / Invitations30Days;
}

/// <summary>What an ecosystem manager reads: the review queue, the customer lookup, tickets, the dashboard.</summary>
public sealed class ReviewQueries(IAppDb db, WorkingDays workingDays, Microsoft.Extensions.Options.IOptions<ReviewOptions> options, TimeProvider clock)
{
    public async Task<List<ReviewItem>> QueueAsync(string managerId, CancellationToken ct)
    {
        // Driven from the manager's partners (IN subquery), so SQLite seeks (PartnerId, Status) per partner
        // instead of walking every Pending review row of the platform and joining partners to filter them.
        var partnerIds = db.Partners.Where(x => x.EcosystemManagerId == managerId).Select(x => x.Id);
        var rows = await (from p in db.Preregistrations
                          join partner in db.Partners on p.PartnerId equals partner.Id
                          where partnerIds.Contains(p.PartnerId) && p.Status == PreregistrationStatus.PendingReview
                          select new { p, partner.Name })
            .AsNoTracking()
            .ToListAsync(ct);
        var emails = rows.Select(r => r.p.CustomerEmail).Distinct().ToList();
        var accounts = await db.CustomerAccounts.AsNoTracking().Where(a => emails.Contains(a.Email)).ToDictionaryAsync(a => a.Email, ct);
        return rows
            .Select(r => new ReviewItem(r.p.Id, r.Name, r.p.CustomerName, r.p.CustomerEmail, r.p.MobileE164, r.p.MobileRegion,
                r.p.ReviewTrigger, r.p.CreatedAt, r.p.ReviewDueAt ?? workingDays.AddWorkingDays(r.p.CreatedAt, options.Value.TargetWorkingDays),
                accounts.GetValueOrDefault(r.p.CustomerEmail)))
            .OrderBy(i => i.DueAt)
            .ToList();
    }

    /// <summary>A one-line description of a Pending review record this manager decides, or null (not theirs, or unknown).</summary>
    public Task<string?> DescribeReviewAsync(string managerId, Guid id, CancellationToken ct) =>
        (from p in db.Preregistrations
         join partner in db.Partners on p.PartnerId equals partner.Id
         where p.Id == id && partner.EcosystemManagerId == managerId
         select p.CustomerName + " (" + p.CustomerEmail + "), preregistered by " + partner.Name)
        .FirstOrDefaultAsync(ct);

    /// <summary>A one-line description of a ticket of a partner this manager looks after, or null.</summary>
    public Task<string?> DescribeTicketAsync(string managerId, Guid id, CancellationToken ct) =>
        (from t in db.BackgroundAssociationTickets
         join partner in db.Partners on t.PartnerId equals partner.Id
         join p in db.Preregistrations on t.PreregistrationId equals p.Id
         where t.Id == id && partner.EcosystemManagerId == managerId
         select p.CustomerName + " (" + p.CustomerEmail + "), requested by " + partner.Name)
        .FirstOrDefaultAsync(ct);

    public async Task<LookupResult> LookupAsync(string email, CancellationToken ct)
    {
        var normalized = EmailAddress.Normalize(email);
        var now = clock.UtcNow();
        var account = await db.CustomerAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Email == normalized, ct);
        var holder = await (from p in PreregistrationQueries.Open(db.Preregistrations.AsNoTracking(), now)
                            join partner in db.Partners on p.PartnerId equals partner.Id
                            where p.CustomerEmail == normalized
                            select new { partner.Name, p.ExpiresAt, p.Status })
            .FirstOrDefaultAsync(ct);
        var associatedWith = account?.AssociatedPartnerId is { } partnerId
            ? await db.Partners.Where(p => p.Id == partnerId).Select(p => p.Name).FirstOrDefaultAsync(ct)
            : null;

        // Judged for a neutral partner: every cause that holds for anyone.
        var neutral = new Partners.Partner { Id = 0, Name = "", BusinessCountries = account?.CountryCode ?? "" };
        var verdict = PreregistrationRules.Evaluate(neutral, account, holder is not null, account?.CountryCode ?? "", now);
        return new LookupResult(normalized, !verdict.IsRefused, verdict.Refusals, verdict.ReviewTriggers,
            holder?.Name, holder?.ExpiresAt, holder?.Status, associatedWith, account);
    }

    public Task<List<TicketItem>> TicketsAsync(string managerId, CancellationToken ct) =>
        (from t in db.BackgroundAssociationTickets
         join partner in db.Partners on t.PartnerId equals partner.Id
         join p in db.Preregistrations on t.PreregistrationId equals p.Id
         where partner.EcosystemManagerId == managerId
         orderby t.Status, t.CreatedAt
         select new TicketItem(t, partner.Name, p.CustomerName, p.CustomerEmail))
        .AsNoTracking()
        .ToListAsync(ct);

    public async Task<List<PartnerStats>> DashboardAsync(string managerId, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var since = now.AddDays(-30);
        var endOfToday = now.Date.AddDays(1);
        var partners = await db.Partners.AsNoTracking().Where(p => p.EcosystemManagerId == managerId).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var ids = partners.Select(p => p.Id).ToList();
        var counts = await db.Preregistrations.AsNoTracking()
            .Where(p => ids.Contains(p.PartnerId))
            .GroupBy(p => new { p.PartnerId, p.Status, Lapsed = p.Status == PreregistrationStatus.Preregistered && p.ExpiresAt <= now })
            .Select(g => new { g.Key.PartnerId, g.Key.Status, g.Key.Lapsed, Count = g.Count() })
            .ToListAsync(ct);
        var due = await db.Preregistrations.AsNoTracking()
            .Where(p => ids.Contains(p.PartnerId) && p.Status == PreregistrationStatus.PendingReview)
            .Select(p => new { p.PartnerId, p.ReviewDueAt })
            .ToListAsync(ct);
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => ids.Contains(i.PartnerId) && i.CreatedAt >= since)
            .GroupBy(i => i.PartnerId)
            .Select(g => new { PartnerId = g.Key, Total = g.Count(), Used = g.Count(i => i.Status == InvitationStatus.Used) })
            .ToListAsync(ct);

        return partners.Select(p =>
        {
            var byStatus = counts.Where(c => c.PartnerId == p.Id)
                .GroupBy(c => c.Lapsed ? PreregistrationStatus.Expired : c.Status)
                .ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
            var mine = due.Where(d => d.PartnerId == p.Id).ToList();
            var inv = invitations.FirstOrDefault(i => i.PartnerId == p.Id);
            return new PartnerStats(p.Id, p.Name, byStatus,
                mine.Count(d => d.ReviewDueAt > now && d.ReviewDueAt < endOfToday),
                mine.Count(d => d.ReviewDueAt <= now),
                inv?.Total ?? 0, inv?.Used ?? 0);
        }).ToList();
    }
}
