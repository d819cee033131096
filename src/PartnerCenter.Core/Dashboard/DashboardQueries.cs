using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Partners;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Dashboard;

public sealed record PartnerStats(int PartnerId, string PartnerName, IReadOnlyDictionary<PreregistrationStatus, int> ByStatus,
    int DueToday, int Overdue, int Invitations30Days, int Associated30Days)
{
    public double AssociationRate => Invitations30Days == 0 ? 0 : (double)Associated30Days / Invitations30Days;
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
                .ToDictionary(c => c.Status, c => c.Count);
            var mine = due.Where(d => d.PartnerId == p.Id).ToList();
            var inv = invitations.FirstOrDefault(i => i.PartnerId == p.Id);
            return new PartnerStats(p.Id, p.Name, byStatus,
                mine.Count(d => d.ReviewDueAt > now && d.ReviewDueAt < endOfToday),
                mine.Count(d => d.ReviewDueAt <= now),
                inv?.Total ?? 0, inv?.Used ?? 0);
        }).ToList();
    }
}
