using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Reviews;

public sealed record ReviewItem(
    Guid Id, string PartnerName, string CustomerName, string CustomerEmail, string MobileE164, string MobileRegion,
    ReviewTrigger Trigger, DateTime SubmittedAt, DateTime DueAt, CustomerAccount? Account, TimeSpan TimeLeft, int ReturnCount = 0, bool CanReturn = false,
    bool IsExtension = false, string? ExtensionReason = null, DateTime? ExpiresAt = null)
{
    /// <summary>The partner corrected it after a return: the queue says so.</summary>
    public bool IsResubmission => ReturnCount > 0;

    /// <summary>The target has passed: <see cref="TimeLeft"/> is zero or less.</summary>
    public bool IsOverdue => TimeLeft <= TimeSpan.Zero;

    /// <summary>The account's facts that bear on the review, as one sentence; null without an account or without such facts.</summary>
    public string? Facts => Account is { } a ? ReviewFacts.Sentence(a.PreregisteredByDirectSales, a.HasCashExpenditure, a.IsOnlineSalesTeamMember) : null;
}

/// <summary>The ecosystem manager's review queue.</summary>
/// <param name="clock">"Time left" is counted at this moment, in working time, as the target is.</param>
public sealed class ReviewQueries(IAppDb db, WorkingDays workingDays, Microsoft.Extensions.Options.IOptions<ReviewOptions> options, TimeProvider clock)
{
    public async Task<List<ReviewItem>> QueueAsync(string managerId, CancellationToken ct)
    {
        // Driven from the manager's partners (IN subquery), so SQLite seeks (PartnerId, Status) per partner
        // instead of walking every Pending review row of the platform and joining partners to filter them.
        var partnerIds = db.Partners.Where(x => x.EcosystemManagerId == managerId).Select(x => x.Id);
        var rows = await (from p in db.Preregistrations
                          join partner in db.Partners on p.PartnerId equals partner.Id
                          where partnerIds.Contains(p.PartnerId)
                                && (p.Status == PreregistrationStatus.PendingReview || p.Status == PreregistrationStatus.ExtensionRequested)
                          select new { p, partner.Name })
            .AsNoTracking()
            .ToListAsync(ct);
        var emails = rows.Select(r => r.p.CustomerEmail).Distinct().ToList();
        var accounts = await db.CustomerAccounts.AsNoTracking().Where(a => emails.Contains(a.Email)).ToDictionaryAsync(a => a.Email, ct);
        var now = clock.UtcNow();
        return rows
            .Select(r => (Row: r, Due: r.p.ReviewDueAt ?? workingDays.AddWorkingDays(r.p.CreatedAt, options.Value.TargetWorkingDays)))
            .Select(x => new ReviewItem(x.Row.p.Id, x.Row.Name, x.Row.p.CustomerName, x.Row.p.CustomerEmail, x.Row.p.MobileE164, x.Row.p.MobileRegion,
                x.Row.p.ReviewTrigger,
                x.Row.p.Status == PreregistrationStatus.ExtensionRequested && x.Row.p.ExtensionRequestedAt is { } asked ? asked : x.Row.p.CreatedAt, x.Due, accounts.GetValueOrDefault(x.Row.p.CustomerEmail), workingDays.TimeLeft(now, x.Due),
                x.Row.p.ReturnCount, x.Row.p.CanBeReturned,
                x.Row.p.Status == PreregistrationStatus.ExtensionRequested, x.Row.p.ExtensionReason, x.Row.p.ExpiresAt))
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
