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
        var query = WithPartners(db, dueBy);
        if (managerId is not null)
        {
            query = query.Where(r => r.EcosystemManagerId == managerId);
        }

        if (notEscalated)
        {
            query = query.Where(r => !db.ReviewEscalations.Any(e => e.PreregistrationId == r.Record.Id && e.DueAt == r.Record.ReviewDueAt));
        }

        var rows = await query.AsNoTracking().ToListAsync(ct);
        return rows
            .Select(r => (Row: r, Round: r.Record.OpenReview!))
            .Select(x => new OverdueRound(x.Row.Record.Id, x.Row.Record.PartnerId, x.Row.EcosystemManagerId, x.Round,
                new OverdueReview(x.Row.Name, x.Row.Record.CustomerName, Masking.Email(x.Row.Record.CustomerEmail), x.Round.Kind, x.Round.OpenedAt, x.Round.DueAt)))
            .OrderBy(o => o.Round.DueAt)
            .ToList();
    }

    /// <summary>The ecosystem managers with at least one review round of their partners past its target at <paramref name="dueBy"/>.</summary>
    public static Task<List<string>> ManagerIdsAsync(IAppDb db, DateTime dueBy, CancellationToken ct) =>
        WithPartners(db, dueBy).Where(r => r.EcosystemManagerId != null).Select(r => r.EcosystemManagerId!).Distinct().ToListAsync(ct);

    private static IQueryable<OverdueRow> WithPartners(IAppDb db, DateTime dueBy) =>
        from p in db.Preregistrations.Where(Preregistration.ReviewOverdueAt(dueBy))
        join partner in db.Partners on p.PartnerId equals partner.Id
        select new OverdueRow { Record = p, Name = partner.Name, EcosystemManagerId = partner.EcosystemManagerId };

    private sealed class OverdueRow
    {
        public required Preregistration Record { get; init; }
        public required string Name { get; init; }
        public string? EcosystemManagerId { get; init; }
    }
}
