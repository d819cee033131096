using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Invitations;

public sealed record InvitationLink(Guid PreregistrationId, string CustomerName, string Url, DateTime ExpiresAt);

/// <summary>Mints a hyperlink (and so a QR code) the partner passes on by its own means.</summary>
public sealed class CreateInvitationLink(IAppDb db, InvitationIssuer issuer, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<InvitationLink>> ExecuteAsync(string userId, int partnerId, Guid preregistrationId, CancellationToken ct)
    {
        var record = await db.Preregistrations.AsNoTracking()
            .OwnedBy(partnerId).FirstOrDefaultAsync(p => p.Id == preregistrationId, ct);
        if (record is null)
        {
            return Error.NotFound("Preregistration");
        }

        var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == partnerId, ct);
        if (partner.IsPrepaid)
        {
            return InvitationErrors.PrepaidPartner;
        }

        var status = record.StatusAt(clock.UtcNow());
        if (status != PreregistrationStatus.Preregistered)
        {
            return PreregistrationErrors.NotInvitable(status);
        }

        var (invitation, url) = await issuer.IssueAsync(record, partner.Name, InvitationChannel.Link, userId, ct);
        audit.Record(userId, partnerId, "InvitationLinkCreated", nameof(Invitation), invitation.Id.ToString(),
            after: new { PreregistrationId = record.Id, Channel = nameof(InvitationChannel.Link) });
        await db.SaveChangesAsync(ct);
        return new InvitationLink(record.Id, record.CustomerName, url, invitation.ExpiresAt);
    }
}
