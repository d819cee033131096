using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Partners;
using PartnerCenter.Core.Reviews;

namespace PartnerCenter.Core.Preregistrations;

/// <param name="Language">The language of the customer's invitation emails; null: the submitting user's own.</param>
public sealed record PreregistrationRequest(string Name, string Email, string Mobile, bool SendInvitation, bool ConfirmReview, string? Language = null);

public enum SubmissionKind
{
    /// <summary>Saved as Preregistered, valid 15 days.</summary>
    Preregistered = 1,
    /// <summary>Saved as Pending review after the partner confirmed the review request.</summary>
    PendingReview = 2,
    /// <summary>Nothing saved: the customer needs a manual review; the partner may confirm.</summary>
    ReviewOffered = 3,
}

/// <param name="InvitationQueued">"Send invitation link: Yes" queued the invitation email with the record.</param>
/// <param name="InvitationRefused">"Send invitation link: Yes" was asked for a Preregistered record but refused (a prepaid partner).</param>
public sealed record SubmissionOutcome(
    SubmissionKind Kind, Preregistration? Record, IReadOnlyList<ReviewTrigger> Triggers, bool InvitationQueued = false, Error? InvitationRefused = null);

/// <summary>
/// Preregisters a customer for a partner (docs/domain.md, "Preregistering a customer"). The partner's
/// submissions are serialized by a row lock and the one-open-claim-per-customer rule is a unique
/// filtered index, so the cap and the exclusivity hold under concurrent requests on both providers.
/// </summary>
public sealed class SubmitPreregistration(
    IAppDb db, UnitOfWork unit, InvitationIssuer invitations, AuditLog audit, WorkingDays workingDays, IOptions<ReviewOptions> reviewOptions, PortalMetrics metrics, TimeProvider clock)
{
    /// <param name="journal">
    /// Runs in the submission's transaction once its outcome is decided (also when a review is only offered); returning
    /// false rolls the submission back as <see cref="AlreadyTaken"/>. An import records each row's outcome this way, so
    /// a row is applied once even when the import is resumed after a crash.
    /// </param>
    public async Task<Result<SubmissionOutcome>> ExecuteAsync(
        string userId, int partnerId, PreregistrationRequest request, CancellationToken ct, Func<SubmissionOutcome, CancellationToken, Task<bool>>? journal = null)
    {
        // Counted once the outcome is final: a unit of work the server engine retries is not counted twice.
        var result = await SubmitAsync(userId, partnerId, request, journal, ct);
        metrics.PreregistrationSubmitted(result);
        return result;
    }

    private async Task<Result<SubmissionOutcome>> SubmitAsync(
        string userId, int partnerId, PreregistrationRequest request, Func<SubmissionOutcome, CancellationToken, Task<bool>>? journal, CancellationToken ct)
    {
        if (!MobileNumber.TryParse(request.Mobile, out var mobile) || !EmailAddress.IsWellFormed(request.Email.Trim()))
        {
            return new Error("invalid_input", "Check the email address and mobile number.");
        }

        if (PersonName.Problem(request.Name) is { } nameProblem)
        {
            return Error.InField("FullName", "invalid_name", Phrase.Verbatim(nameProblem));
        }

        var email = EmailAddress.Normalize(request.Email);
        var now = clock.UtcNow();
        var language = Languages.Find(request.Language)
                       ?? Languages.OrDefault(await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Language).FirstOrDefaultAsync(ct));

        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnerId, ct);
        if (partner is null)
        {
            return Error.NotFound("Partner");
        }

        // Read-only first, outside the write lock: a refused submission (most of those refused are) or a review offer
        // never takes it. One that passes is assessed again under the lock, where the answer counts.
        var early = await AssessAsync(partner, email, mobile!, now, countCap: true, ct);
        if (early.IsRefused)
        {
            return Error.AllOf(early.Refusals);
        }

        if (early.NeedsReview && !request.ConfirmReview && journal is null)
        {
            return new SubmissionOutcome(SubmissionKind.ReviewOffered, null, early.ReviewTriggers);
        }

        // "Send invitation link: Yes": the email is rendered now, before the partner's row lock is taken.
        PreparedInvitation? invitation = null;
        if (request.SendInvitation)
        {
            invitation = await invitations.PrepareAsync(partner, request.Name.Trim(), email, now + Preregistration.Validity, InvitationChannel.Email, now, ct, language);
        }

        try
        {
            return await unit.RunAsync(innerCt => SubmitInTransactionAsync(userId, partnerId, email, mobile!, request with { Language = language }, invitation, now, journal, innerCt), ct);
        }
        catch (DbUpdateException)
        {
            // Lost the race for the unique open-claim index to a concurrent submission.
            var holder = await HeldByPartnerAsync(email, clock.UtcNow(), ct);
            if (holder is null)
            {
                throw;
            }

            return holder == partnerId ? PreregistrationErrors.AlreadyPreregisteredByYou : PreregistrationErrors.PreregisteredByAnotherPartner;
        }
    }

    private async Task<Result<SubmissionOutcome>> SubmitInTransactionAsync(
        string userId, int partnerId, string email, MobileNumber mobile, PreregistrationRequest request, PreparedInvitation? invitation,
        DateTime now, Func<SubmissionOutcome, CancellationToken, Task<bool>>? journal, CancellationToken ct)
    {
        // Take the partner's row lock first; a missing partner updates nothing.
        if (await db.Partners.Where(p => p.Id == partnerId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.SubmissionLock, p => p.SubmissionLock + 1), ct) == 0)
        {
            return Error.NotFound("Partner");
        }

        var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == partnerId, ct);

        // Lapsed claims on this customer or of this partner stop counting before anything is decided.
        // The customer's lapsed claim must leave the unique open-claim index before the insert; the
        // partner's lapsed rows are marked too (counts derive from the clock either way).
        if (await ExpirePreregistrations.ExpireLapsedAsync(db, audit, now, p => p.CustomerEmail == email, ct)
            + await ExpirePreregistrations.ExpireLapsedAsync(db, audit, now, p => p.PartnerId == partnerId, ct) > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        var verdict = await AssessAsync(partner, email, mobile, now, countCap: true, ct);
        if (verdict.IsRefused)
        {
            // A refusal wins over any review trigger: a manual review is offered only when nothing refuses.
            return Error.AllOf(verdict.Refusals);
        }

        if (verdict.NeedsReview && !request.ConfirmReview)
        {
            return await JournalAsync(new SubmissionOutcome(SubmissionKind.ReviewOffered, null, verdict.ReviewTriggers));
        }

        var record = Preregistration.Submit(partnerId, email, request.Name, mobile, request.SendInvitation,
            verdict.FirstTrigger, userId, now, workingDays.AddWorkingDays(now, reviewOptions.Value.TargetWorkingDays), request.Language);
        db.Preregistrations.Add(record);
        audit.Record(userId, partnerId, "PreregistrationSubmitted", nameof(Preregistration), record.Id.ToString(),
            after: new { Status = record.Status.ToString(), ReviewTrigger = record.ReviewTrigger.ToString(), record.SendInvitation });

        // "Send invitation link: Yes" queues the same email an Invite would, in this transaction.
        var refused = invitation is null || record.Status != PreregistrationStatus.Preregistered ? null : record.CheckInvitable(partner, now);
        var invite = invitation is not null && record.Status == PreregistrationStatus.Preregistered && refused is null;
        if (invite)
        {
            invitations.Add(invitation!, record, userId, now);
        }

        var kind = record.Status == PreregistrationStatus.PendingReview ? SubmissionKind.PendingReview : SubmissionKind.Preregistered;
        return await JournalAsync(new SubmissionOutcome(kind, record, verdict.ReviewTriggers, invite, refused));

        async Task<Result<SubmissionOutcome>> JournalAsync(SubmissionOutcome outcome) =>
            journal is null || await journal(outcome, ct) ? outcome : AlreadyTaken;
    }

    /// <summary>The journal refused the outcome: someone else applied the same submission first.</summary>
    public static readonly Error AlreadyTaken = Error.Conflict("already_applied", "This row was applied a moment ago.");

    /// <summary>
    /// What submitting this customer would meet now, read-only: every refusal that applies (the partner's cap only when
    /// <paramref name="countCap"/>), else the review triggers. The submission and an import's dry run both decide by it.
    /// </summary>
    public async Task<EligibilityVerdict> AssessAsync(Partner partner, string email, MobileNumber mobile, DateTime now, bool countCap, CancellationToken ct)
    {
        // Every refusal that applies is told at once, so the partner never fixes one to meet the next.
        var refusals = new List<Error>();
        if (!partner.HasReservedContact)
        {
            refusals.Add(PreregistrationErrors.NoReservedContact);
        }

        if (countCap && await PreregistrationQueries.OpenCountAsync(db, partner.Id, now, ct) >= PreregistrationRules.Cap)
        {
            refusals.Add(PreregistrationErrors.CapReached);
        }

        var holder = await HeldByPartnerAsync(email, now, ct);
        if (holder == partner.Id)
        {
            refusals.Add(PreregistrationErrors.AlreadyPreregisteredByYou);
        }

        var account = await db.CustomerAccounts.AsNoTracking().FirstOrDefaultAsync(c => c.Email == email, ct);
        if (account?.AssociatedPartnerId == partner.Id)
        {
            refusals.Add(PreregistrationErrors.AlreadyYourCustomer);
        }

        var verdict = PreregistrationRules.Evaluate(partner, account, holder is not null && holder != partner.Id, mobile.RegionCode, now);
        return verdict with { Refusals = [.. refusals, .. verdict.Refusals] };
    }

    private Task<int?> HeldByPartnerAsync(string email, DateTime now, CancellationToken ct)
    {
        return PreregistrationQueries.Open(db.Preregistrations.AsNoTracking(), now)
            .Where(p => p.CustomerEmail == email)
            .Select(p => (int?)p.PartnerId)
            .FirstOrDefaultAsync(ct);
    }
}
