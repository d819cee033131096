using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Reviews;

namespace PartnerCenter.Core.Preregistrations;

/// <summary>The corrected fields of a returned request; null for a field the partner was not asked to correct.</summary>
public sealed record Resubmission(string? Name, string? Mobile);

/// <summary>
/// The partner corrects the fields an ecosystem manager marked on an Action required record and sends it back
/// to the review queue (Pending review) with a fresh 2-working-day target.
/// </summary>
public sealed class ResubmitPreregistration(IAppDb db, UnitOfWork unit, WorkingDays workingDays, IOptions<ReviewOptions> options, AuditLog audit, TimeProvider clock)
{
    public static readonly Error InvalidMobile = Error.InField("Mobile", "invalid_mobile",
        "Enter a valid mobile number in international format with the country code, such as +49 1512 3456789.");

    /// <param name="change">A marked field sent empty (null) is a missing value; an unmarked one sent null stays as it is.</param>
    public async Task<Result<Preregistration>> ExecuteAsync(string userId, int partnerId, Guid id, Resubmission change, CancellationToken ct)
    {
        var record = await db.Preregistrations.OwnedBy(partnerId).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (record is null)
        {
            return Error.NotFound("Preregistration");
        }

        var name = record.ReturnFields.HasFlag(ReturnFields.Name) ? change.Name ?? "" : change.Name;
        var mobileText = record.ReturnFields.HasFlag(ReturnFields.Mobile) ? change.Mobile ?? "" : change.Mobile;
        var problems = new List<Error>();
        if (name is not null && PersonName.Problem(name) is { } nameProblem)
        {
            problems.Add(Error.InField("Name", "invalid_name", Phrase.Verbatim(nameProblem)));
        }

        MobileNumber? mobile = null;
        if (mobileText is not null && !MobileNumber.TryParse(mobileText, out mobile))
        {
            problems.Add(InvalidMobile);
        }

        if (problems.Count > 0)
        {
            return Error.AllOf(problems);
        }

        var now = clock.UtcNow();
        var nameChanged = name is not null && name.Trim() != record.CustomerName;
        var mobileChanged = mobile is not null && mobile.E164 != record.MobileE164;
        var resubmitted = record.Resubmit(name, mobile, now, workingDays.AddWorkingDays(now, options.Value.TargetWorkingDays));
        if (!resubmitted.IsSuccess)
        {
            return resubmitted.Error!;
        }

        // The audit says which fields changed, never their values (personal data).
        audit.Record(userId, partnerId, "PreregistrationResubmitted", nameof(Preregistration), id.ToString(),
            new { Status = nameof(PreregistrationStatus.ActionRequired) },
            new { Status = record.Status.ToString(), NameChanged = nameChanged, MobileChanged = mobileChanged, record.ReviewDueAt });
        return await unit.SaveAsync(record, ct);
    }
}
