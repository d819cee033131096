using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Mail;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Invitations;

public sealed record InvitationHistoryLine(DateTime At, InvitationEventKind Kind, InvitationChannel Channel, string? Detail);

/// <summary>One link of a customer, newest first, with its state as of now (<see cref="Invitation.StatusAt"/>).</summary>
public sealed record InvitationHistoryLink(Guid Id, InvitationChannel Channel, DateTime CreatedAt, DateTime ExpiresAt, InvitationStatus State)
{
    /// <summary>Only an active link can be revoked (<see cref="Invitation.CheckRevocableAt"/>).</summary>
    public bool CanRevoke => State == InvitationStatus.Active;

    /// <summary>
    /// An active email invitation is offered as <b>Cancel</b> (the same revocation, which also stops an email not yet
    /// sent); an active link or QR code as <b>Revoke</b>.
    /// </summary>
    public bool CanCancel => CanRevoke && Channel == InvitationChannel.Email;
}

public sealed record InvitationHistory(
    Guid PreregistrationId, string CustomerName, string CustomerEmail, IReadOnlyList<InvitationHistoryLink> Links, IReadOnlyList<InvitationHistoryLine> Lines);

/// <summary>
/// What the Link/QR page shows: the customer's current valid link (null when there is none that can be
/// shown), and why no new link can be issued (null when it can).
/// </summary>
public sealed record CurrentInvitationLink(Guid PreregistrationId, string CustomerName, InvitationLink? Link, Error? CannotIssue);

/// <summary>Landing facts for a valid link: what the customer is shown.</summary>
public sealed record InvitationLanding(Guid InvitationId, string PartnerName, string CustomerEmail, DateTime ExpiresAt);

public sealed class InvitationQueries(IAppDb db, IEmailRenderer renderer, InvitationIssuer issuer, ITokenProtector protector, IOptions<InvitationOptions> options, PortalMetrics metrics, TimeProvider clock)
{
    /// <summary>The customer's newest valid link, read back from its protected token. Changes nothing.</summary>
    public async Task<Result<CurrentInvitationLink>> CurrentLinkAsync(int partnerId, Guid preregistrationId, CancellationToken ct)
    {
        var record = await db.Preregistrations.AsNoTracking().OwnedBy(partnerId).FirstOrDefaultAsync(p => p.Id == preregistrationId, ct);
        if (record is null)
        {
            return Error.NotFound("Preregistration");
        }

        var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == partnerId, ct);
        var now = clock.UtcNow();
        var cannotIssue = record.CheckInvitable(partner, now);
        var candidates = cannotIssue is not null
            ? []
            : await db.Invitations.AsNoTracking()
                .Where(i => i.PreregistrationId == preregistrationId && i.ProtectedToken != null)
                .Where(Invitation.ActiveAt(now))
                .OrderByDescending(i => i.CreatedAt)
                .Select(i => new { i.ProtectedToken, i.ExpiresAt })
                .Take(5)
                .ToListAsync(ct);
        var link = candidates
            .Select(c => (Token: protector.Unprotect(c.ProtectedToken!), c.ExpiresAt))
            .Where(c => c.Token is not null)
            .Select(c => new InvitationLink(record.Id, record.CustomerName, options.Value.LinkFor(c.Token!), c.ExpiresAt))
            .FirstOrDefault();
        return new CurrentInvitationLink(record.Id, record.CustomerName, link, cannotIssue);
    }

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
        var now = clock.UtcNow();
        var links = (await db.Invitations.AsNoTracking()
                .Where(i => i.PreregistrationId == preregistrationId)
                .OrderByDescending(i => i.CreatedAt)
                .ToListAsync(ct))
            .Select(i => new InvitationHistoryLink(i.Id, i.Channel, i.CreatedAt, i.ExpiresAt, i.StatusAt(now)))
            .ToList();
        return new InvitationHistory(record.Id, record.CustomerName, record.CustomerEmail, links, lines);
    }

    /// <summary>The names of the partner's own records among <paramref name="ids"/> (for the Invite dialog).</summary>
    public Task<List<(Guid Id, string Name)>> NamesAsync(int partnerId, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Preregistrations.AsNoTracking()
            .OwnedBy(partnerId).Where(p => ids.Contains(p.Id))
            .Select(p => new ValueTuple<Guid, string>(p.Id, p.CustomerName))
            .ToListAsync(ct);

    /// <summary>The exact invitation email one customer would get; the real link is minted only when it is sent.</summary>
    /// <param name="language">The language to preview in; null: the one chosen for the customer at preregistration.</param>
    public async Task<Result<RenderedEmail>> PreviewAsync(int partnerId, Guid id, CancellationToken ct, string? language = null)
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
                Language = Languages.Find(language) ?? record.CustomerLanguage,
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

    /// <summary>
    /// The link with this token hash and its record, read in one statement so both are seen at one moment: on PostgreSQL
    /// (READ COMMITTED) two reads could straddle a racing tab's commit and see the link still active but its record
    /// already associated. Tracked; add <c>AsNoTracking</c> to only read.
    /// </summary>
    public static IQueryable<LinkWithRecord> LinkWithRecord(IAppDb db, byte[] hash) =>
        from i in db.Invitations.Where(i => i.TokenHash == hash)
        join p in db.Preregistrations on i.PreregistrationId equals p.Id
        select new LinkWithRecord { Invitation = i, Preregistration = p };

    /// <summary>Looks a presented token up by its hash; records the first open.</summary>
    public async Task<Result<InvitationLanding>> OpenAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return InvitationErrors.NotFound;
        }

        // One round trip for the public, most-hit page: the link, its record and the partner's name together.
        var hash = Invitation.Hash(token);
        var found = await (
                from link in LinkWithRecord(db, hash).AsNoTracking()
                join partner in db.Partners on link.Invitation.PartnerId equals partner.Id
                select new { link.Invitation, link.Preregistration, PartnerName = partner.Name })
            .FirstOrDefaultAsync(ct);
        if (found is null || !found.Invitation.Matches(token))
        {
            return InvitationErrors.NotFound;
        }

        var (invitation, preregistration, partnerName) = (found.Invitation, found.Preregistration, found.PartnerName);
        var now = clock.UtcNow();
        if (invitation.ProblemWith(preregistration, now) is { } problem)
        {
            return problem;
        }

        // The first open is recorded once; later opens read only.
        if (invitation.OpenedAt is null)
        {
            db.Invitations.Attach(invitation);
            invitation.MarkOpened(now);
            db.InvitationEvents.Add(InvitationEvent.For(invitation, InvitationEventKind.Opened, now));
            await db.SaveChangesAsync(ct);
            metrics.Invitation("opened");
        }

        return new InvitationLanding(invitation.Id, partnerName, preregistration.CustomerEmail, invitation.ExpiresAt);
    }
}

/// <summary>An invitation link and its preregistration, as <see cref="InvitationQueries.LinkWithRecord"/> reads them.</summary>
public sealed class LinkWithRecord
{
    public required Invitation Invitation { get; init; }
    public required Preregistration Preregistration { get; init; }
}
