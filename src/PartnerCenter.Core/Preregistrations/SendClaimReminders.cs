using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Mail;

namespace PartnerCenter.Core.Preregistrations;

/// <summary>
/// Reminds partners before their claims lapse (docs/domain.md, Reminders): for each partner, the claims whose
/// reminder is due (<see cref="Preregistration.ReminderDueAt"/>) and not yet sent go out as one digest per
/// recipient (the user who created the claim, unless they turned reminders off, and the partner's reserved
/// email), through the outbox, with a <see cref="ClaimReminder"/> row per claim and threshold in the same
/// transaction. The unique key on those rows keeps it once, whichever instance gets there first.
/// </summary>
public sealed class SendClaimReminders(IAppDb db, UnitOfWork unit, IEmailRenderer renderer, AuditLog audit, TimeProvider clock)
{
    /// <summary>The furthest a reminder can be due: the last reminder day, plus a day for time zones.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(Preregistration.ReminderDays.Max() + 1);

    /// <returns>How many claim reminders were recorded.</returns>
    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var now = clock.UtcNow();
        var until = now + Horizon;
        var partnerIds = await db.Preregistrations.AsNoTracking()
            .Where(Preregistration.InStatusAt(PreregistrationStatus.Preregistered, now))
            .Where(p => p.ExpiresAt <= until)
            .Where(p => db.ClaimReminders.Count(r => r.PreregistrationId == p.Id) < Preregistration.ReminderDays.Count)
            .Select(p => p.PartnerId).Distinct().ToListAsync(ct);
        return await unit.CountOnceEachAsync(partnerIds, (partnerId, innerCt) => RemindPartnerAsync(partnerId, now, until, innerCt), ct);
    }

    private async Task<Result<int>> RemindPartnerAsync(int partnerId, DateTime now, DateTime until, CancellationToken ct)
    {
        var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == partnerId, ct);
        var records = await db.Preregistrations.AsNoTracking()
            .Where(p => p.PartnerId == partnerId)
            .Where(Preregistration.InStatusAt(PreregistrationStatus.Preregistered, now))
            .Where(p => p.ExpiresAt <= until)
            .OrderBy(p => p.ExpiresAt)
            .ToListAsync(ct);
        var ids = records.Select(r => r.Id).ToList();
        var done = (await db.ClaimReminders.AsNoTracking().Where(r => ids.Contains(r.PreregistrationId))
                .Select(r => new { r.PreregistrationId, r.DaysBefore }).ToListAsync(ct))
            .Select(r => (r.PreregistrationId, r.DaysBefore)).ToHashSet();
        var due = records
            .Select(r => (Record: r, Days: r.ReminderDueAt(now, partner.TimeZone)))
            .Where(d => d.Days is { } days && !done.Contains((d.Record.Id, days)))
            .Select(d => (d.Record, Days: d.Days!.Value))
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var creatorIds = due.Select(d => d.Record.CreatedByUserId).OfType<string>().Distinct().ToList();
        var creators = await db.Users.AsNoTracking()
            .Where(u => creatorIds.Contains(u.Id) && u.PartnerId == partnerId && u.Email != null)
            .ToListAsync(ct);

        // Who gets which claims: each creator their own (unless turned off), the reserved email all of them.
        var digests = new Dictionary<string, (TimeZoneInfo Zone, string Language, List<(Preregistration Record, int Days)> Claims)>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in creators.Where(u => u.ClaimRemindersEnabled))
        {
            var zone = TimeZones.Find(ReaderZones.Resolve(user.TimeZoneId, null, partner.TimeZone.Id));
            digests[user.Email!.Trim()] = (zone, user.EmailLanguage, due.Where(d => d.Record.CreatedByUserId == user.Id).ToList());
        }

        if (partner.ReservedEmail is { } reserved && !string.IsNullOrWhiteSpace(reserved))
        {
            digests[reserved.Trim()] = (partner.TimeZone, Languages.English, due);
        }

        foreach (var (to, digest) in digests)
        {
            var claims = digest.Claims
                .Select(d => new LapsingClaim(d.Record.CustomerName, Masking.Email(d.Record.CustomerEmail), d.Record.ExpiresAt!.Value, d.Days))
                .ToList();
            var email = await renderer.RenderAsync(new ClaimRemindersEmail(partner.Name, claims) { Zone = digest.Zone, Language = digest.Language }, ct);
            db.OutboxMessages.Add(OutboxMessage.For(email, to, now));
        }

        foreach (var (record, days) in due)
        {
            db.ClaimReminders.Add(new ClaimReminder { PreregistrationId = record.Id, PartnerId = partnerId, DaysBefore = days, At = now });
            audit.Record(null, partnerId, "ClaimReminderSent", nameof(Preregistration), record.Id.ToString(), null, new { DaysBefore = days });
        }

        return due.Count;
    }
}
