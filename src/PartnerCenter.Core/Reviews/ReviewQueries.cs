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

/// <summary>The ecosystem manager's review queue.</summary>
public sealed class ReviewQueries(IAppDb db, WorkingDays workingDays, Microsoft.Extensions.Options.IOptions<ReviewOptions> options)
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
}
