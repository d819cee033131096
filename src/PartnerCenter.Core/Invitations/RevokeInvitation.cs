using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Invitations;

/// <summary>The partner revokes one active link from the invitation history; the customer then reads it as not valid.</summary>
public sealed class RevokeInvitation(IAppDb db, UnitOfWork unit, InvitationRevoker revoker, AuditLog audit, TimeProvider clock)
{
    public const string Reason = "Revoked by the partner";

    /// <returns>The preregistration the link belongs to (its history is where the partner goes back to).</returns>
    public Task<Result<Guid>> ExecuteAsync(string userId, int partnerId, Guid invitationId, CancellationToken ct) =>
        unit.RunAsync(async token =>
        {
            var invitation = await (from i in db.Invitations
                                    join p in db.Preregistrations.OwnedBy(partnerId) on i.PreregistrationId equals p.Id
                                    where i.Id == invitationId
                                    select i).FirstOrDefaultAsync(token);
            if (invitation is null)
            {
                return Error.NotFound("Invitation");
            }

            var now = clock.UtcNow();
            if (invitation.CheckRevocableAt(now) is { } problem)
            {
                return problem;
            }

            await revoker.RevokeAsync([invitation], Reason, now, token);
            audit.Record(userId, partnerId, "InvitationRevoked", nameof(Invitation), invitation.Id.ToString(),
                before: new { Status = nameof(InvitationStatus.Active) },
                after: new { invitation.PreregistrationId, Status = nameof(InvitationStatus.Revoked) });
            return Result<Guid>.Ok(invitation.PreregistrationId);
        }, InvitationErrors.NotActive, ct);
}
