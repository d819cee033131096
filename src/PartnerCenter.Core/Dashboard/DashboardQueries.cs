using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Partners;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Core.Reviews;

namespace PartnerCenter.Core.Dashboard;

public sealed record PartnerStats(int PartnerId, string PartnerName, IReadOnlyDictionary<PreregistrationStatus, int> ByStatus,
    int DueToday, int Overdue, int Invitations30Days, int Associated30Days)
{
    public double AssociationRate => Invitations30Days == 0 ? 0 : (double)Associated30Days / Invitations30Days;
}

/// <summary>How many review rounds were decided in a period, and how many of them at or before their target.</summary>
public sealed record DecidedWithinTarget(int WithinTarget, int Decided)
{
    /// <summary>The period the dashboard looks back over.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromDays(30);

    /// <summary>The share in whole percent, rounded half away from zero; null when nothing was decided.</summary>
    public int? Percent => Decided == 0 ? null : (int)Math.Round(100.0 * WithinTarget / Decided, MidpointRounding.AwayFromZero);
}

/// <summary>The ecosystem manager's dashboard: each managed partner's records by status, reviews due, invitations.</summary>
public sealed class DashboardQueries(IAppDb db, TimeProvider clock)
{
    /// <param name="zone">The ecosystem manager's zone: "due today" is until their midnight.</param>
    public async Task<List<PartnerStats>> ForManagerAsync(string managerId, TimeZoneInfo zone, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var since = now.AddDays(-30);
        var endOfToday = TimeZones.EndOfLocalDay(now, zone);
        var partners = await db.Partners.AsNoTracking().Where(p => p.EcosystemManagerId == managerId).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var ids = partners.Select(p => p.Id).ToList();
        var counts = await db.Preregistrations.AsNoTracking()
            .Where(p => ids.Contains(p.PartnerId))
            .Select(Preregistration.PartnerStatusAt(now))
            .GroupBy(p => new { p.PartnerId, p.Status })
            .Select(g => new { g.Key.PartnerId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var due = await db.Preregistrations.AsNoTracking()
            .Where(p => ids.Contains(p.PartnerId))
            .Where(Preregistration.InReview)
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
                .ToDictionary(c => c.Status, c => c.Count);
            var mine = due.Where(d => d.PartnerId == p.Id).ToList();
            var inv = invitations.FirstOrDefault(i => i.PartnerId == p.Id);
            return new PartnerStats(p.Id, p.Name, byStatus,
                mine.Count(d => d.ReviewDueAt > now && d.ReviewDueAt < endOfToday),
                mine.Count(d => d.ReviewDueAt <= now),
                inv?.Total ?? 0, inv?.Used ?? 0);
        }).ToList();
    }

    /// <summary>
    /// The review rounds (manual reviews, extensions, resubmissions) of the manager's partners decided in the last
    /// <see cref="DecidedWithinTarget.Period"/>, and how many of them within target (<see cref="ReviewDecision.WithinTarget"/>).
    /// </summary>
    public async Task<DecidedWithinTarget> DecidedWithinTargetAsync(string managerId, CancellationToken ct)
    {
        var since = clock.UtcNow() - DecidedWithinTarget.Period;
        var partnerIds = db.Partners.Where(p => p.EcosystemManagerId == managerId).Select(p => p.Id);
        var counts = await db.ReviewDecisions.AsNoTracking()
            .Where(d => partnerIds.Contains(d.PartnerId) && d.DecidedAt >= since)
            .GroupBy(d => d.WithinTarget)
            .Select(g => new { WithinTarget = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return new DecidedWithinTarget(counts.Where(c => c.WithinTarget).Sum(c => c.Count), counts.Sum(c => c.Count));
    }
}
