using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Invitations;

public sealed record InvitationLink(Guid PreregistrationId, string CustomerName, string Url, DateTime ExpiresAt);

/// <summary>Mints a hyperlink (and so a QR code) the partner passes on by its own means.</summary>
public sealed class CreateInvitationLink(PreregistrationQueries preregistrations, UnitOfWork unit, InvitationIssuer issuer, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<InvitationLink>> ExecuteAsync(string userId, int partnerId, Guid preregistrationId, CancellationToken ct)
    {
        var owned = await preregistrations.OwnWithPartnerAsync(partnerId, preregistrationId, ct);
        if (!owned.IsSuccess)
        {
            return owned.Error!;
        }

        var (record, partner) = owned.Value;
        var now = clock.UtcNow();
        if (record.CheckInvitable(partner, now) is { } problem)
        {
            return problem;
        }

        var prepared = await issuer.PrepareAsync(record, partner, InvitationChannel.Link, now, ct);
        var invitation = issuer.Add(prepared, record, userId, now);
        audit.Record(userId, partnerId, "InvitationLinkCreated", nameof(Invitation), invitation.Id.ToString(),
            after: new { PreregistrationId = record.Id, Channel = nameof(InvitationChannel.Link) });
        return await unit.SaveAsync(new InvitationLink(record.Id, record.CustomerName, prepared.Link, invitation.ExpiresAt), ct);
    }
}
