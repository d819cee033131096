using Microsoft.Extensions.Options;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Mail;
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
    public async Task<PreparedInvitation> PrepareAsync(
        string partnerName, string customerName, DateTime? claimExpiresAt, InvitationChannel channel, DateTime now, CancellationToken ct)
    {
        var token = Invitation.NewToken();
        var expiresAt = Invitation.ExpiryFor(claimExpiresAt, options.Value.Lifetime, now);
        var link = options.Value.LinkFor(token);
        var email = channel == InvitationChannel.Email
            ? await renderer.RenderAsync(new InvitationEmail(partnerName, customerName, link, expiresAt), ct)
            : null;
        return new PreparedInvitation(channel, token, protector.Protect(token), link, expiresAt, email);
    }

    public Task<PreparedInvitation> PrepareAsync(Preregistration record, string partnerName, InvitationChannel channel, DateTime now, CancellationToken ct) =>
        PrepareAsync(partnerName, record.CustomerName, record.ExpiresAt, channel, now, ct);

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
