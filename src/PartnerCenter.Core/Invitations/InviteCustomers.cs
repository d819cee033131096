using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Invitations;

public sealed record InviteResult(Guid Id, string? Name, bool Queued, string? Reason);

/// <summary>
/// Invites one or many of the partner's Preregistered customers by email. Emails go through the
/// outbox, so a batch of 100 answers at once; every row reports what was queued or why it was skipped.
/// </summary>
public sealed class InviteCustomers(IAppDb db, InvitationIssuer issuer, AuditLog audit, TimeProvider clock)
{
    public const int MaxBatch = 100;

    public async Task<Result<IReadOnlyList<InviteResult>>> ExecuteAsync(string userId, int partnerId, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return InvitationErrors.NothingSelected;
        }

        if (ids.Count > MaxBatch)
        {
            return new Error("batch_too_large", $"Invite at most {MaxBatch} customers at once.");
        }

        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnerId, ct);
        if (partner is null)
        {
            return Error.NotFound("Partner");
        }

        if (partner.IsPrepaid)
        {
            return InvitationErrors.PrepaidPartner;
        }

        var distinct = ids.Distinct().ToList();
        var records = await db.Preregistrations.AsNoTracking()
            .OwnedBy(partnerId).Where(p => distinct.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, ct);
        if (records.Count == 0)
        {
            return Error.NotFound("Preregistration");
        }

        var now = clock.UtcNow();
        var results = new List<InviteResult>();
        foreach (var id in distinct)
        {
            if (!records.TryGetValue(id, out var record))
            {
                results.Add(new InviteResult(id, null, false, "Not found."));
                continue;
            }

            var status = record.StatusAt(now);
            if (status != PreregistrationStatus.Preregistered)
            {
                results.Add(new InviteResult(id, record.CustomerName, false, PreregistrationErrors.NotInvitable(status).Message));
                continue;
            }

            var (invitation, _) = await issuer.IssueAsync(record, partner.Name, InvitationChannel.Email, userId, ct);
            audit.Record(userId, partnerId, "InvitationQueued", nameof(Invitation), invitation.Id.ToString(),
                after: new { PreregistrationId = id, Channel = nameof(InvitationChannel.Email) });
            results.Add(new InviteResult(id, record.CustomerName, true, null));
        }

        await db.SaveChangesAsync(ct);
        return results;
    }
}
