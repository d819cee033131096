using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Mail;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Invitations;

public sealed record InvitationHistoryLine(DateTime At, InvitationEventKind Kind, InvitationChannel Channel, string? Detail);

public sealed record InvitationHistory(Guid PreregistrationId, string CustomerName, string CustomerEmail, IReadOnlyList<InvitationHistoryLine> Lines);

/// <summary>Landing facts for a valid link: what the customer is shown.</summary>
public sealed record InvitationLanding(Guid InvitationId, string PartnerName, string CustomerEmail, DateTime ExpiresAt);

public sealed class InvitationQueries(IAppDb db, IEmailRenderer renderer, InvitationIssuer issuer, IOptions<InvitationOptions> options, TimeProvider clock)
{
    public async Task<Result<InvitationHistory>> HistoryAsync(int partnerId, Guid preregistrationId, CancellationToken ct)
    {
        var record = await db.Preregistrations.AsNoTracking()
            .OwnedBy(partnerId).FirstOrDefaultAsync(p => p.Id == preregistrationId, ct);
        if (record is null)
        {
            return Error.NotFound("Preregistration");
        }

        var lines = await (from e in db.InvitationEvents
                           join i in db.Invitations on e.InvitationId equals i.Id
                           where e.PreregistrationId == preregistrationId
                           orderby e.Id descending
                           select new InvitationHistoryLine(e.At, e.Kind, i.Channel, e.Detail))
            .AsNoTracking()
            .ToListAsync(ct);
        return new InvitationHistory(record.Id, record.CustomerName, record.CustomerEmail, lines);
    }

    /// <summary>The names of the partner's own records among <paramref name="ids"/> (for the Invite dialog).</summary>
    public Task<List<(Guid Id, string Name)>> NamesAsync(int partnerId, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Preregistrations.AsNoTracking()
            .OwnedBy(partnerId).Where(p => ids.Contains(p.Id))
            .Select(p => new ValueTuple<Guid, string>(p.Id, p.CustomerName))
            .ToListAsync(ct);

    /// <summary>The exact invitation email one customer would get; the real link is minted only when it is sent.</summary>
    public async Task<Result<RenderedEmail>> PreviewAsync(int partnerId, Guid id, CancellationToken ct)
    {
        var record = await db.Preregistrations.AsNoTracking().OwnedBy(partnerId).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (record is null)
        {
            return Error.NotFound("Preregistration");
        }

        var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == partnerId, ct);
        var expires = Invitation.ExpiryFor(record.ExpiresAt, options.Value.Lifetime, clock.UtcNow());
        return await renderer.RenderAsync(
            new InvitationEmail(partner.Name, record.CustomerName, options.Value.LinkFor("your-personal-link-is-created-when-you-click-OK"), expires)
            {
                Zone = await issuer.InviteeZoneAsync(partner, record.CustomerEmail, ct),
            }, ct);
    }

    /// <summary>The latest email delivery state per preregistration, for the list's "Failed / Resend".</summary>
    public async Task<IReadOnlyDictionary<Guid, DeliveryStatus>> LatestDeliveryAsync(IReadOnlyCollection<Guid> preregistrationIds, CancellationToken ct)
    {
        var latest = await db.Invitations.AsNoTracking()
            .Where(i => preregistrationIds.Contains(i.PreregistrationId) && i.Channel == InvitationChannel.Email)
            .GroupBy(i => i.PreregistrationId)
            .Select(g => g.OrderByDescending(i => i.CreatedAt).Select(i => new { i.PreregistrationId, i.Delivery }).First())
            .ToListAsync(ct);
        return latest.ToDictionary(l => l.PreregistrationId, l => l.Delivery);
    }

    /// <summary>Looks a presented token up by its hash; records the first open.</summary>
    public async Task<Result<InvitationLanding>> OpenAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return InvitationErrors.NotFound;
        }

        var hash = Invitation.Hash(token);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null || !invitation.Matches(token))
        {
            return InvitationErrors.NotFound;
        }

        var now = clock.UtcNow();
        var preregistration = await db.Preregistrations.AsNoTracking().FirstAsync(p => p.Id == invitation.PreregistrationId, ct);
        var problem = invitation.ProblemAt(now)
                      ?? (preregistration.StatusAt(now) == PreregistrationStatus.Preregistered ? null : InvitationErrors.Expired);
        if (problem is not null)
        {
            return problem;
        }

        if (invitation.MarkOpened(now))
        {
            db.InvitationEvents.Add(InvitationEvent.For(invitation, InvitationEventKind.Opened, now));
            await db.SaveChangesAsync(ct);
        }

        var partnerName = await db.Partners.Where(p => p.Id == invitation.PartnerId).Select(p => p.Name).FirstAsync(ct);
        return new InvitationLanding(invitation.Id, partnerName, preregistration.CustomerEmail, invitation.ExpiresAt);
    }
}
