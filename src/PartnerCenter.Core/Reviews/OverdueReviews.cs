using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Mail;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Reviews;

/// <summary>One overdue review round as the digest and the escalation read it.</summary>
public sealed record OverdueRound(Guid PreregistrationId, int PartnerId, string? ManagerId, ReviewRound Round, OverdueReview Item);

/// <summary>
/// The review rounds past their target (<see cref="Preregistration.ReviewOverdueAt"/>): manual reviews, resubmissions
/// and extension requests, earliest target first.
/// </summary>
public static class OverdueReviews
{
    /// <param name="managerId">Only this ecosystem manager's partners; null: every partner.</param>
    /// <param name="dueBy">Targets at or before this moment.</param>
    /// <param name="notEscalated">Leave out rounds already escalated.</param>
    public static async Task<List<OverdueRound>> LoadAsync(IAppDb db, string? managerId, DateTime dueBy, bool notEscalated, CancellationToken ct)
    {
        var query = from p in db.Preregistrations.Where(Preregistration.ReviewOverdueAt(dueBy))
                    join partner in db.Partners on p.PartnerId equals partner.Id
                    select new { p, partner.Name, partner.EcosystemManagerId };
        if (managerId is not null)
        {
            query = query.Where(r => r.EcosystemManagerId == managerId);
        }

        if (notEscalated)
        {
            query = query.Where(r => !db.ReviewEscalations.Any(e => e.PreregistrationId == r.p.Id && e.DueAt == r.p.ReviewDueAt));
        }

        var rows = await query.AsNoTracking().ToListAsync(ct);
        return rows
            .Select(r => (Row: r, Round: r.p.OpenReview!))
            .Select(x => new OverdueRound(x.Row.p.Id, x.Row.p.PartnerId, x.Row.EcosystemManagerId, x.Round,
                new OverdueReview(x.Row.Name, x.Row.p.CustomerName, Masking.Email(x.Row.p.CustomerEmail), x.Round.Kind, x.Round.OpenedAt, x.Round.DueAt)))
            .OrderBy(o => o.Round.DueAt)
            .ToList();
    }
}
