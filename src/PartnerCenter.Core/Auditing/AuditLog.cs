using System.Text.Json;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Auditing;

/// <summary>Adds audit rows to the same unit of work as the change they describe.</summary>
public sealed class AuditLog(IAppDb db, TimeProvider clock)
{
    public void Record(string? actorUserId, int? partnerId, string action, string entityType, string? entityId,
        object? before = null, object? after = null)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.UtcNow(),
            ActorUserId = actorUserId,
            PartnerId = partnerId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Before = before is null ? null : JsonSerializer.Serialize(before),
            After = after is null ? null : JsonSerializer.Serialize(after),
        });
    }
}
