using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Reviews;

namespace PartnerCenter.Core.Preregistrations;

/// <summary>
/// The partner asks for 15 more days on a Preregistered claim in its last 5 days (once per claim): the record is
/// Extension requested, in the ecosystem manager's queue with the 2-working-day target, and does not lapse meanwhile.
/// </summary>
public sealed class RequestExtension(IAppDb db, UnitOfWork unit, WorkingDays workingDays, IOptions<ReviewOptions> options, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<Preregistration>> ExecuteAsync(string userId, int partnerId, Guid id, string? reason, CancellationToken ct)
    {
        var record = await db.Preregistrations.OwnedBy(partnerId).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (record is null)
        {
            return Error.NotFound("Preregistration");
        }

        var now = clock.UtcNow();
        var requested = record.RequestExtension(reason ?? "", now, workingDays.AddWorkingDays(now, options.Value.TargetWorkingDays));
        if (!requested.IsSuccess)
        {
            return requested.Error!;
        }

        audit.Record(userId, partnerId, "ExtensionRequested", nameof(Preregistration), id.ToString(),
            new { Status = nameof(PreregistrationStatus.Preregistered), record.ExpiresAt },
            new { Status = record.Status.ToString(), Reason = record.ExtensionReason, record.ReviewDueAt });
        return await unit.SaveAsync(record, ct);
    }
}
