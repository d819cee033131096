using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Associations;

/// <summary>A History Records row: one customer's attempt to associate through an invitation, and its outcome.</summary>
public class AssociationAttempt
{
    public long Id { get; set; }
    public int PartnerId { get; set; }
    public Guid PreregistrationId { get; set; }
    public required string CustomerName { get; set; }
    public required string CustomerEmail { get; set; }
    public DateTime At { get; set; }
    public bool Succeeded { get; set; }

    /// <summary>
    /// The failure's code (<see cref="AssociationErrors"/>); null for a success. Rows written before codes
    /// were stored hold the text the customer was shown; <see cref="Failure"/> reads both.
    /// </summary>
    public string? Cause { get; set; }

    /// <summary>A success's note for the partner (e.g. associated in the background). A failure's suggestion comes from the catalogue.</summary>
    public string? SuggestedOperation { get; set; }

    /// <summary>The association was ended at the customer's request, with the partner's consent; <see cref="EndReason"/> is the customer's reason.</summary>
    public bool Ended { get; set; }
    public string? EndReason { get; set; }

    /// <summary>An <i>Association failed</i> row (not a success, not an ended association).</summary>
    public static System.Linq.Expressions.Expression<Func<AssociationAttempt, bool>> IsFailure => a => !a.Succeeded && !a.Ended;

    /// <summary>The failure in both readers' words, from the one catalogue; null for a success.</summary>
    public AssociationFailure? Failure => Succeeded || Ended || Cause is null ? null : AssociationErrors.FromStored(Cause);

    /// <summary>What the partner reads in the Suggested operation column.</summary>
    public string? PartnerSuggestion => Failure?.SuggestedOperation ?? SuggestedOperation;

    public static AssociationAttempt Success(Preregistration record, DateTime at, string? note) => For(record, at, null, note);

    /// <summary>A failure is stored by its code only: its texts come from the catalogue when read.</summary>
    public static AssociationAttempt Failed(Preregistration record, DateTime at, Error failure) => For(record, at, failure.Code, null);

    /// <summary>The partner consented to the customer's request to end the association.</summary>
    public static AssociationAttempt EndedAt(int partnerId, Guid preregistrationId, string customerName, string customerEmail, DateTime at, string reason) => new()
    {
        PartnerId = partnerId,
        PreregistrationId = preregistrationId,
        CustomerName = customerName,
        CustomerEmail = customerEmail,
        At = at,
        Succeeded = false,
        Ended = true,
        EndReason = reason,
    };

    private static AssociationAttempt For(Preregistration record, DateTime at, string? causeCode, string? note) => new()
    {
        PartnerId = record.PartnerId,
        PreregistrationId = record.Id,
        CustomerName = record.CustomerName,
        CustomerEmail = record.CustomerEmail,
        At = at,
        Succeeded = causeCode is null,
        Cause = causeCode,
        SuggestedOperation = note,
    };
}
