using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Mail;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Invitations;

public sealed record InvitationDeclined(string PartnerName);

/// <summary>
/// The customer says no on the landing page (docs/domain.md §5.4): the link is used up, the partner's
/// invitation history shows Declined with the reason, the partner is emailed, and the claim stays.
/// </summary>
public sealed class DeclineInvitation(IAppDb db, UnitOfWork unit, IEmailRenderer renderer, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<InvitationDeclined>> ExecuteAsync(string token, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return InvitationErrors.NotFound;
        }

        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (trimmed?.Length > Invitation.DeclineReasonMaxLength)
        {
            return InvitationErrors.DeclineReasonTooLong;
        }

        var hash = Invitation.Hash(token);
        var now = clock.UtcNow();
        var facts = await (from i in db.Invitations
                           join p in db.Preregistrations on i.PreregistrationId equals p.Id
                           join partner in db.Partners on i.PartnerId equals partner.Id
                           where i.TokenHash == hash
                           select new
                           {
                               partner.Name,
                               partner.ReservedEmail,
                               p.CustomerName,
                               p.CustomerEmail,
                               CreatorEmail = db.Users.Where(u => u.Id == i.CreatedByUserId).Select(u => u.Email).FirstOrDefault(),
                               CreatorLanguage = db.Users.Where(u => u.Id == i.CreatedByUserId).Select(u => u.Language).FirstOrDefault(),
                           })
            .AsNoTracking().FirstOrDefaultAsync(ct);
        if (facts is null)
        {
            return InvitationErrors.NotFound;
        }

        var email = await renderer.RenderAsync(new InvitationDeclinedEmail(facts.Name, facts.CustomerName, facts.CustomerEmail, trimmed, now)
        {
            Language = Languages.OrDefault(facts.CreatorLanguage),
        }, ct);
        var recipients = new[] { facts.CreatorEmail, facts.ReservedEmail }
            .Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        return await unit.RunAsync(async innerCt =>
        {
            var found = await InvitationQueries.LinkWithRecord(db, hash).FirstOrDefaultAsync(innerCt);
            if (found is null || !found.Invitation.Matches(token))
            {
                return InvitationErrors.NotFound;
            }

            var (invitation, preregistration) = (found.Invitation, found.Preregistration);
            if (invitation.ProblemAt(now) is null && preregistration.StatusAt(now) != PreregistrationStatus.Preregistered)
            {
                return InvitationErrors.Expired;
            }

            var declined = invitation.Decline(trimmed, now);
            if (!declined.IsSuccess)
            {
                return declined.Error!;
            }

            db.InvitationEvents.Add(InvitationEvent.For(invitation, InvitationEventKind.Declined, now, trimmed ?? "No reason given"));
            foreach (var to in recipients)
            {
                db.OutboxMessages.Add(OutboxMessage.For(email, to, now));
            }

            audit.Record(null, invitation.PartnerId, "InvitationDeclined", nameof(Invitation), invitation.Id.ToString(),
                before: new { Status = nameof(InvitationStatus.Active) },
                after: new { Status = nameof(InvitationStatus.Declined), Reason = trimmed is not null });
            return Result<InvitationDeclined>.Ok(new InvitationDeclined(facts.Name));
        }, InvitationErrors.Used, ct);
    }
}
