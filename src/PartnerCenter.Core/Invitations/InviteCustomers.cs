using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Invitations;

/// <param name="Code">The refusal's stable code (the API reports it per item).</param>
public sealed record InviteResult(Guid Id, string? Name, bool Queued, string? Reason, string? Code = null);

/// <summary>
/// Invites one or many of the partner's Preregistered customers by email. Emails go through the
/// outbox, so a batch of 100 answers at once; every row reports what was queued or why it was skipped.
/// </summary>
public sealed class InviteCustomers(IAppDb db, UnitOfWork unit, InvitationIssuer issuer, AuditLog audit, TimeProvider clock)
{
    public const int MaxBatch = 100;

    public static readonly Error TooMany = new("batch_too_large", new Phrase("Invite at most {0} customers at once.", MaxBatch));

    /// <param name="language">The language of the emails (the Invite dialog's choice); null: each customer's from preregistration.</param>
    public async Task<Result<IReadOnlyList<InviteResult>>> ExecuteAsync(
        string userId, int partnerId, IReadOnlyCollection<Guid> ids, CancellationToken ct, string? language = null)
    {
        if (language is not null && Languages.Find(language) is null)
        {
            return Languages.Unknown;
        }

        if (Batch.Check(ids.Count, MaxBatch, InvitationErrors.NothingSelected, TooMany) is { } wrongSize)
        {
            return wrongSize;
        }

        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnerId, ct);
        if (partner is null)
        {
            return Error.NotFound("Partner");
        }

        if (partner.CheckResellerModel() is { } refused)
        {
            return refused;
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
                results.Add(new InviteResult(id, null, false, "Not found.", "not_found"));
                continue;
            }

            if (record.CheckInvitable(partner, now) is { } problem)
            {
                results.Add(new InviteResult(id, record.CustomerName, false, problem.Message, problem.Code));
                continue;
            }

            var prepared = await issuer.PrepareAsync(record, partner, InvitationChannel.Email, now, ct, language);
            var invitation = issuer.Add(prepared, record, userId, now);
            audit.Record(userId, partnerId, "InvitationQueued", nameof(Invitation), invitation.Id.ToString(),
                after: new { PreregistrationId = id, Channel = nameof(InvitationChannel.Email) });
            results.Add(new InviteResult(id, record.CustomerName, true, null));
        }

        return await unit.SaveAsync<IReadOnlyList<InviteResult>>(results, ct);
    }
}
