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
    public string? Cause { get; set; }
    public string? SuggestedOperation { get; set; }

    /// <param name="cause">Null for a success.</param>
    /// <param name="note">What the partner reads in the operation column.</param>
    public static AssociationAttempt For(Preregistration record, DateTime at, string? cause, string? note) => new()
    {
        PartnerId = record.PartnerId,
        PreregistrationId = record.Id,
        CustomerName = record.CustomerName,
        CustomerEmail = record.CustomerEmail,
        At = at,
        Succeeded = cause is null,
        Cause = cause,
        SuggestedOperation = note,
    };
}
