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
}
