using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Partners;

namespace PartnerCenter.Core.Mail;

/// <summary>One recipient of a partner notice, and the zone its times are shown in.</summary>
public sealed record NoticeRecipient(string Email, TimeZoneInfo Zone, string Language = Languages.English);

/// <summary>A partner notice rendered for one recipient, ready to be queued.</summary>
public sealed record PreparedNotice(string To, RenderedEmail Email);

/// <summary>
/// The one home of who gets a partner's notices (review decided, customer associated): every partner user
/// with the Customer Development permission (admins implicitly) who has not turned that email off, each in
/// their own time zone, and the partner's reserved email in the partner's zone; an address gets one copy.
/// Rendered before the caller's transaction (<see cref="PrepareAsync"/>), queued in it (<see cref="Queue"/>).
/// </summary>
public sealed class PartnerNotices(IAppDb db, PartnerUserQueries partnerUsers, IEmailRenderer renderer)
{
    public async Task<IReadOnlyList<NoticeRecipient>> RecipientsAsync(Partner partner, PartnerNotice notice, CancellationToken ct)
    {
        var adminIds = await partnerUsers.AdminIdsAsync(partner.Id, ct);
        var users = await db.Users.AsNoTracking().Where(u => u.PartnerId == partner.Id).OrderBy(u => u.Email).ToListAsync(ct);
        var recipients = new List<NoticeRecipient>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in users.Where(u => u.WantsPartnerNotice(notice, adminIds.Contains(u.Id))))
        {
            if (seen.Add(user.Email!.Trim()))
            {
                recipients.Add(new NoticeRecipient(user.Email.Trim(), TimeZones.Find(ReaderZones.Resolve(user.TimeZoneId, null, partner.TimeZone.Id)), user.EmailLanguage));
            }
        }

        if (partner.ReservedEmail is { } reserved && seen.Add(reserved.Trim()))
        {
            recipients.Add(new NoticeRecipient(reserved.Trim(), partner.TimeZone));
        }

        return recipients;
    }

    /// <summary>Renders the notice for each recipient (once per zone and language), in the recipient's language.</summary>
    public async Task<IReadOnlyList<PreparedNotice>> PrepareAsync(
        Partner partner, PartnerNotice notice, Func<TimeZoneInfo, EmailModel> email, CancellationToken ct)
    {
        var rendered = new Dictionary<string, RenderedEmail>(StringComparer.Ordinal);
        var prepared = new List<PreparedNotice>();
        foreach (var recipient in await RecipientsAsync(partner, notice, ct))
        {
            var key = recipient.Zone.Id + "|" + recipient.Language;
            if (!rendered.TryGetValue(key, out var body))
            {
                body = await renderer.RenderAsync(email(recipient.Zone) with { Language = recipient.Language }, ct);
                rendered[key] = body;
            }

            prepared.Add(new PreparedNotice(recipient.Email, body));
        }

        return prepared;
    }

    /// <summary>Adds the prepared notices to the outbox, in the caller's unit of work.</summary>
    public void Queue(IEnumerable<PreparedNotice> notices, DateTime now)
    {
        foreach (var notice in notices)
        {
            db.OutboxMessages.Add(OutboxMessage.For(notice.Email, notice.To, now));
        }
    }
}
