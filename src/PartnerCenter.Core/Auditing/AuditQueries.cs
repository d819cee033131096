using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Auditing;

public sealed record AuditLine(DateTime At, string? Actor, string Action, string? Before, string? After);

/// <summary>One reveal of a masked column: who, when, on which page (a <c>MaskedList</c> name), which column, on which partner's list.</summary>
public sealed record RevealLine(DateTime At, string? Actor, string PartnerName, string Page, string Column);

/// <summary>The audit trail of one record, for partner admins (their partner) and ecosystem managers (partners they manage).</summary>
public sealed class AuditQueries(IAppDb db)
{
    public const int MaxLines = 500;

    public Task<List<AuditLine>> TrailAsync(string entityType, string entityId, IReadOnlyCollection<int> partnerIds, CancellationToken ct) =>
        db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId && a.PartnerId != null && partnerIds.Contains(a.PartnerId.Value))
            .OrderBy(a => a.Id)
            .Take(MaxLines)
            .Select(a => new AuditLine(a.At, db.Users.Where(u => u.Id == a.ActorUserId).Select(u => u.DisplayName).FirstOrDefault(), a.Action, a.Before, a.After))
            .ToListAsync(ct);

    /// <summary>The reveals of personal data on the partners' lists (<c>PersonalDataRevealed</c>), newest first.</summary>
    public Task<List<RevealLine>> RevealsAsync(IReadOnlyCollection<int> partnerIds, CancellationToken ct) =>
        db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == RevealAction && a.PartnerId != null && partnerIds.Contains(a.PartnerId.Value))
            .OrderByDescending(a => a.Id)
            .Take(MaxLines)
            .Select(a => new RevealLine(a.At,
                db.Users.Where(u => u.Id == a.ActorUserId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Partners.Where(p => p.Id == a.PartnerId).Select(p => p.Name).First(),
                a.EntityType,
                a.EntityId ?? ""))
            .ToListAsync(ct);

    /// <summary>The audit action of revealing a masked column.</summary>
    public const string RevealAction = "PersonalDataRevealed";

    public Task<List<int>> ManagedPartnerIdsAsync(string managerId, CancellationToken ct) =>
        db.Partners.Where(p => p.EcosystemManagerId == managerId).Select(p => p.Id).ToListAsync(ct);
}
