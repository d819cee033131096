namespace PartnerCenter.Core.Associations;

public enum TicketStatus
{
    /// <summary>Waiting for an ecosystem manager.</summary>
    Open = 1,
    /// <summary>Associated in the background, without freezing.</summary>
    Processed = 2,
    /// <summary>Declined, with the manager's reason.</summary>
    Declined = 3,
}

/// <summary>A service ticket asking the ecosystem manager to associate a Preregistered customer in the background.</summary>
public class BackgroundAssociationTicket
{
    public const int ReasonMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int PartnerId { get; set; }
    public Guid PreregistrationId { get; set; }
    public required string Reason { get; set; }
    public required string Contact { get; set; }
    public TicketStatus Status { get; set; } = TicketStatus.Open;
    public string? CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedByUserId { get; set; }
    public string? DeclineReason { get; set; }
    public int Version { get; set; }
}
