using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Mail;
using PartnerCenter.Core.Partners;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Invitations;

/// <summary>An invitation ready to be saved: its token, link and (for email) the rendered email.</summary>
public sealed record PreparedInvitation(InvitationChannel Channel, string Token, string ProtectedToken, string Link, DateTime ExpiresAt, RenderedEmail? Email);

/// <summary>
/// Mints invitation links in two steps: <see cref="PrepareAsync"/> makes the token and renders the
/// email before any transaction or lock is taken; <see cref="Add"/> then writes the link, its history
/// event and the outbox message in the caller's unit of work, so they are saved together or not at all.
/// </summary>
public sealed class InvitationIssuer(IAppDb db, IEmailRenderer renderer, ITokenProtector protector, IOptions<InvitationOptions> options)
{
    /// <param name="claimExpiresAt">When the preregistration lapses: the link never outlives it.</param>
    /// <param name="language">The language the email is written in (the partner's choice for this customer).</param>
    public async Task<PreparedInvitation> PrepareAsync(
        Partner partner, string customerName, string customerEmail, DateTime? claimExpiresAt, InvitationChannel channel, DateTime now, CancellationToken ct,
        string? language = null)
    {
        var token = Invitation.NewToken();
        var expiresAt = Invitation.ExpiryFor(claimExpiresAt, options.Value.Lifetime, now);
        var link = options.Value.LinkFor(token);
        var email = channel == InvitationChannel.Email
            ? await renderer.RenderAsync(new InvitationEmail(partner.Name, customerName, link, expiresAt)
            {
                Zone = await InviteeZoneAsync(partner, customerEmail, ct),
                Language = Languages.OrDefault(language),
            }, ct)
            : null;
        return new PreparedInvitation(channel, token, protector.Protect(token), link, expiresAt, email);
    }

    /// <param name="language">The language chosen for this invitation; null: the one chosen for the customer at preregistration.</param>
    public Task<PreparedInvitation> PrepareAsync(
        Preregistration record, Partner partner, InvitationChannel channel, DateTime now, CancellationToken ct, string? language = null) =>
        PrepareAsync(partner, record.CustomerName, record.CustomerEmail, record.ExpiresAt, channel, now, ct, Languages.Find(language) ?? record.CustomerLanguage);

    /// <summary>The zone an invitation is written in: the customer's own, if they have an account and chose one; else the partner's.</summary>
    public async Task<TimeZoneInfo> InviteeZoneAsync(Partner partner, string customerEmail, CancellationToken ct)
    {
        var normalized = EmailAddress.Normalize(customerEmail).ToUpperInvariant();
        var chosen = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalized && u.CustomerAccountId != null && u.TimeZoneId != null)
            .Select(u => u.TimeZoneId).FirstOrDefaultAsync(ct);
        return TimeZones.Find(ReaderZones.Resolve(chosen, null, partner.TimeZone.Id));
    }

    public Invitation Add(PreparedInvitation prepared, Preregistration record, string? userId, DateTime now)
    {
        var invitation = Invitation.Issue(record, prepared.Channel, prepared.Token, prepared.ProtectedToken, prepared.ExpiresAt, userId, now);
        db.Invitations.Add(invitation);
        db.InvitationEvents.Add(InvitationEvent.For(invitation, InvitationEventKind.Created, now,
            prepared.Email is null ? "Link and QR code created" : "Email queued"));
        if (prepared.Email is { } email)
        {
            db.OutboxMessages.Add(OutboxMessage.For(email, record.CustomerEmail, now, invitation.Id));
        }

        return invitation;
    }
}
