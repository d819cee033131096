using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Customers;

public enum DisassociationStatus
{
    /// <summary>Waiting for the partner's answer (due within 7 days).</summary>
    Pending = 1,
    /// <summary>The partner consented: the association ended.</summary>
    Consented = 2,
    /// <summary>The partner declined, with a reason the customer reads.</summary>
    Declined = 3,
}

/// <summary>
/// A customer's request to end the association with its partner (docs/domain.md, "Ending an association"):
/// the partner consents or declines with a reason within <see cref="ResponseTime"/>; after that the request
/// is overdue, shown so to the partner and to its ecosystem manager.
/// </summary>
public class DisassociationRequest
{
    public const int ReasonMaxLength = 256;

    /// <summary>How long the partner has to answer.</summary>
    public static readonly TimeSpan ResponseTime = TimeSpan.FromDays(7);

    public static readonly Error InvalidReason = Error.InField("Reason", "invalid_reason", new Phrase("Enter a reason of at most {0} characters.", ReasonMaxLength));

    public static readonly Error NotPending = Error.Conflict("request_decided", "This request has already been answered.");

    private DisassociationRequest()
    {
    }

    public Guid Id { get; private set; }
    public int CustomerAccountId { get; private set; }
    public int PartnerId { get; private set; }
    public string RequestedByUserId { get; private set; } = "";
    public DateTime RequestedAt { get; private set; }
    public string Reason { get; private set; } = "";
    public DisassociationStatus Status { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public string? DeclineReason { get; private set; }

    /// <summary>Concurrency token: of two answers at once (two partner users, two tabs), exactly one is saved.</summary>
    public int Version { get; private set; }

    public DateTime DueAt => RequestedAt + ResponseTime;

    /// <summary>Still waiting for the partner after <see cref="ResponseTime"/>.</summary>
    public bool IsOverdue(DateTime now) => Status == DisassociationStatus.Pending && now >= DueAt;

    public static bool IsValidReason(string? reason) =>
        !string.IsNullOrWhiteSpace(reason) && reason.Trim().Length <= ReasonMaxLength;

    /// <summary>The customer asks; <see cref="CustomerAccount.CheckCanLeave"/> decides first whether it may.</summary>
    public static Result<DisassociationRequest> Open(CustomerAccount account, string userId, string reason, DateTime now)
    {
        if (!IsValidReason(reason))
        {
            return InvalidReason;
        }

        if (account.AssociatedPartnerId is not { } partnerId)
        {
            return CustomerAccount.NotAssociated;
        }

        return new DisassociationRequest
        {
            Id = Guid.CreateVersion7(),
            CustomerAccountId = account.Id,
            PartnerId = partnerId,
            RequestedByUserId = userId,
            RequestedAt = now,
            Reason = reason.Trim(),
            Status = DisassociationStatus.Pending,
        };
    }

    public Result<DisassociationRequest> Consent(string userId, DateTime now) => Decide(DisassociationStatus.Consented, userId, null, now);

    public Result<DisassociationRequest> Decline(string userId, string reason, DateTime now) =>
        IsValidReason(reason) ? Decide(DisassociationStatus.Declined, userId, reason.Trim(), now) : InvalidReason;

    private Result<DisassociationRequest> Decide(DisassociationStatus status, string userId, string? reason, DateTime now)
    {
        if (Status != DisassociationStatus.Pending)
        {
            return NotPending;
        }

        Status = status;
        DecidedAt = now;
        DecidedByUserId = userId;
        DeclineReason = reason;
        Version++;
        return this;
    }
}
