using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Web.Features.Api;

/// <param name="SubmitForReview">Accept a manual review when the rules ask for one (the page's "Submit for manual review").</param>
public sealed record PreregistrationInput(string? Name, string? Email, string? Mobile, bool SendInvitation, bool SubmitForReview);

public sealed record PreregistrationResource(
    Guid Id, string Name, string Email, string Mobile, PreregistrationStatus Status, ReviewTrigger ReviewTrigger,
    DateTime CreatedAt, DateTime? PreregisteredAt, DateTime? ExpiresAt, DateTime? ReviewDueAt, string? RejectionReason,
    IReadOnlyList<string> AllowedOperations, string? ReturnComment, ReturnFields ReturnFields, string? ExtensionDeclineReason)
{
    public static PreregistrationResource Of(PreregistrationRow row) => new(
        row.Id, row.Name, row.Email, row.MobileE164, row.Status, row.ReviewTrigger, row.CreatedAt, row.PreregisteredAt,
        row.ExpiresAt, row.ReviewDueAt, row.RejectionReason,
        Enum.GetValues<PreregistrationOperations>().Where(o => o != PreregistrationOperations.None && row.Allowed.HasFlag(o))
            .Select(o => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(o.ToString())).ToList(),
        row.ReturnComment, row.ReturnFields, row.ExtensionDeclineReason);
}

/// <summary>The corrected fields of a returned preregistration: only those the ecosystem manager marked may differ.</summary>
public sealed record ResubmitInput(string? Name, string? Mobile);

public sealed record ApiMessage(string Code, string Message);

/// <param name="InvitationRefused">sendInvitation was asked for but refused (a prepaid partner).</param>
public sealed record PreregistrationCreated(PreregistrationResource Preregistration, bool InvitationQueued, ApiMessage? InvitationRefused);

/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; absent on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, string? NextCursor);

public sealed record IdsInput(IReadOnlyList<Guid>? Ids);

public sealed record InvitationsInput(IReadOnlyList<Guid>? PreregistrationIds);

/// <summary>One item of a batch: done, or why not.</summary>
public sealed record ItemResult(Guid Id, bool Succeeded, string? Code, string? Message);

public sealed record BatchResult(IReadOnlyList<ItemResult> Results);

/// <param name="QrCodePngUrl">A <c>data:image/png</c> URL of the QR code.</param>
/// <param name="QrCodeSvgUrl">A <c>data:image/svg+xml</c> URL of the QR code.</param>
public sealed record LinkResource(Guid PreregistrationId, string Url, DateTime ExpiresAt, string QrCodePngUrl, string QrCodeSvgUrl);

public sealed record InvitationHistoryResource(Guid PreregistrationId, IReadOnlyList<InvitationHistoryItem> Events);

public sealed record InvitationHistoryItem(DateTime At, InvitationEventKind Kind, InvitationChannel Channel, string? Detail);

public sealed record CustomerResource(
    int Id, string Name, string Email, DateTime? AssociatedAt, bool IsFrozen, BudgetType BudgetType, decimal BudgetAmount,
    decimal UsedAmount, FreezeOnExhaustion OnExhaustion)
{
    public static CustomerResource Of(CustomerRow c) =>
        new(c.Id, c.Name, c.Email, c.AssociatedAt, c.IsFrozen, c.BudgetType, c.BudgetAmount, c.UsedAmount, c.OnExhaustion);
}

public sealed record BudgetInput(BudgetType? Type, decimal? Amount, FreezeOnExhaustion? OnExhaustion, bool UnfreezeNow);

public sealed record ReasonInput(string? Reason);

public sealed record HistoryRecordResource(
    long Id, Guid PreregistrationId, string CustomerName, string CustomerEmail, DateTime At, bool Succeeded,
    string? CauseCode, string? Cause, string? SuggestedOperation)
{
    /// <summary>A failure reads as the partner reads it in History Records: its code, the partner's text and the suggestion.</summary>
    public static HistoryRecordResource Of(AssociationAttempt a) =>
        new(a.Id, a.PreregistrationId, a.CustomerName, a.CustomerEmail, a.At, a.Succeeded, a.Failure?.Code, a.Failure?.ForPartner, a.PartnerSuggestion);
}
