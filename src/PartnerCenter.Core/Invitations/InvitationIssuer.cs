using Microsoft.Extensions.Options;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Mail;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Invitations;

/// <summary>
/// Mints a link for a preregistration and, for email, writes the rendered email to the outbox in
/// the caller's unit of work, so the invitation and its email are saved together or not at all.
/// </summary>
public sealed class InvitationIssuer(IAppDb db, IEmailRenderer renderer, IOptions<InvitationOptions> options, TimeProvider clock)
{
    public async Task<(Invitation Invitation, string Link)> IssueAsync(
        Preregistration preregistration, string partnerName, InvitationChannel channel, string? userId, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var (invitation, token) = Invitation.Issue(preregistration, channel, options.Value.Lifetime, userId, now);
        var link = options.Value.LinkFor(token);
        db.Invitations.Add(invitation);
        db.InvitationEvents.Add(InvitationEvent.For(invitation, InvitationEventKind.Created, now,
            channel == InvitationChannel.Email ? "Email queued" : "Link and QR code created"));

        if (channel == InvitationChannel.Email)
        {
            var email = await renderer.RenderAsync(
                new InvitationEmail(partnerName, preregistration.CustomerName, link, invitation.ExpiresAt), ct);
            db.OutboxMessages.Add(OutboxMessage.For(email, preregistration.CustomerEmail, now, invitation.Id));
        }

        return (invitation, link);
    }
}
