using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Mail;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Reviews;

/// <summary>
/// The ecosystem manager's daily digest of overdue reviews (docs/domain.md, Escalation): once per manager per calendar
/// day in the manager's zone (their Profile choice, else UTC), only when at least one review of their partners is past
/// its target, through the outbox, with an <see cref="OverdueDigest"/> row in the same transaction. The unique key
/// (manager, day) keeps it once, whichever instance gets there first. It cannot be turned off: deciding reviews is the
/// manager's duty, and the digest is its reminder.
/// </summary>
public sealed class SendOverdueDigests(IAppDb db, UnitOfWork unit, IEmailRenderer renderer, AuditLog audit, TimeProvider clock)
{
    /// <returns>How many digests were queued.</returns>
    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var now = clock.UtcNow();
        var managerIds = await OverdueReviews.ManagerIdsAsync(db, now, ct);
        return await unit.CountOnceEachAsync(managerIds, (managerId, innerCt) => DigestAsync(managerId, now, innerCt), ct);
    }

    /// <summary>The calendar day a digest counts for: today in the manager's zone.</summary>
    public static DateOnly DayOf(DateTime now, TimeZoneInfo managerZone) => DateOnly.FromDateTime(TimeZones.ToLocal(now, managerZone));

    private async Task<Result<int>> DigestAsync(string managerId, DateTime now, CancellationToken ct)
    {
        var manager = await db.Users.AsNoTracking().Where(u => u.Id == managerId)
            .Select(u => new { u.Email, u.DisplayName, u.TimeZoneId, u.Language }).FirstOrDefaultAsync(ct);
        if (manager?.Email is not { Length: > 0 } to)
        {
            return 0;
        }

        var zone = TimeZones.Find(ReaderZones.Resolve(manager.TimeZoneId, null, TimeZones.Utc));
        var day = DayOf(now, zone);
        if (await db.OverdueDigests.AnyAsync(d => d.ManagerId == managerId && d.Day == day, ct))
        {
            return 0;
        }

        var overdue = await OverdueReviews.LoadAsync(db, managerId, now, notEscalated: false, ct);
        if (overdue.Count == 0)
        {
            return 0;
        }

        var email = await renderer.RenderAsync(new OverdueDigestEmail(manager.DisplayName, overdue.Select(o => o.Item).ToList()) { Zone = zone, Language = Languages.OrDefault(manager.Language) }, ct);
        db.OutboxMessages.Add(OutboxMessage.For(email, to.Trim(), now));
        db.OverdueDigests.Add(new OverdueDigest { ManagerId = managerId, Day = day, Items = overdue.Count, At = now });
        audit.Record(null, null, "OverdueDigestSent", "User", managerId, null,
            new { Day = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Items = overdue.Count, Records = overdue.Select(o => o.PreregistrationId) });
        return 1;
    }
}
