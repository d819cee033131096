using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Mail;

namespace PartnerCenter.Core.Reviews;

/// <summary>
/// Escalates each review round that is one working day past its target (<see cref="ReviewRound.IsEscalationDueAt"/>) to
/// <c>Review:EscalationEmail</c> (empty: off): one email per round through the outbox, with a
/// <see cref="ReviewEscalation"/> row in the same transaction. The unique key (record, target) keeps it once per round,
/// whichever instance gets there first; a resubmission or extension has a fresh target and may be escalated again.
/// </summary>
public sealed class EscalateOverdueReviews(
    IAppDb db, UnitOfWork unit, IEmailRenderer renderer, AuditLog audit, WorkingDays workingDays, IOptions<ReviewOptions> options, TimeProvider clock)
{
    /// <returns>How many reviews were escalated.</returns>
    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var to = options.Value.EscalationEmail?.Trim();
        if (string.IsNullOrEmpty(to))
        {
            return 0;
        }

        var now = clock.UtcNow();

        // One working day is never shorter than 23 hours, so the database leaves out what cannot be due yet.
        var candidates = (await OverdueReviews.LoadAsync(db, null, now - ReviewRound.EscalationAtLeast, notEscalated: true, ct))
            .Where(o => o.Round.IsEscalationDueAt(now, workingDays))
            .ToList();
        return await unit.CountOnceEachAsync(candidates, (candidate, innerCt) => EscalateAsync(candidate, to, now, innerCt), ct);
    }

    private async Task<Result<int>> EscalateAsync(OverdueRound candidate, string to, DateTime now, CancellationToken ct)
    {
        // Read again inside the transaction: decided or escalated meanwhile means nothing to do.
        var record = await db.Preregistrations.AsNoTracking().FirstOrDefaultAsync(p => p.Id == candidate.PreregistrationId, ct);
        if (record?.OpenReview is not { } round || round.DueAt != candidate.Round.DueAt || !round.IsEscalationDueAt(now, workingDays)
            || await db.ReviewEscalations.AnyAsync(e => e.PreregistrationId == record.Id && e.DueAt == round.DueAt, ct))
        {
            return 0;
        }

        var managerName = candidate.ManagerId is null
            ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == candidate.ManagerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var item = candidate.Item with { CustomerName = Masking.Name(candidate.Item.CustomerName) };
        var zone = TimeZones.Find(options.Value.TimeZone);
        var email = await renderer.RenderAsync(new ReviewEscalationEmail(item, managerName ?? "none assigned") { Zone = zone }, ct);
        db.OutboxMessages.Add(OutboxMessage.For(email, to, now));
        db.ReviewEscalations.Add(new ReviewEscalation { PreregistrationId = record.Id, PartnerId = record.PartnerId, DueAt = round.DueAt, At = now });
        audit.Record(null, record.PartnerId, "ReviewEscalated", nameof(Preregistrations.Preregistration), record.Id.ToString(), null,
            new { Kind = round.Kind.ToString(), round.DueAt, EscalatesAt = round.EscalatesAt(workingDays) });
        return 1;
    }
}
