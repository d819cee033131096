using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Tickets;

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

    public static readonly Error NotOpen = Error.Conflict("ticket_decided", "This ticket has already been processed or declined.");

    private BackgroundAssociationTicket()
    {
    }

    public Guid Id { get; private set; }
    public int PartnerId { get; private set; }
    public Guid PreregistrationId { get; private set; }
    public string Reason { get; private set; } = "";
    public string Contact { get; private set; } = "";
    public TicketStatus Status { get; private set; }
    public string? CreatedByUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public string? DeclineReason { get; private set; }

    /// <summary>Concurrency token: of two managers deciding at once, exactly one decision is saved.</summary>
    public int Version { get; private set; }

    /// <summary>Still waiting for the ecosystem manager: it can be processed or declined.</summary>
    public bool CanBeDecided => Status == TicketStatus.Open;

    public static BackgroundAssociationTicket Open(int partnerId, Guid preregistrationId, string reason, string contact, string? userId, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        PartnerId = partnerId,
        PreregistrationId = preregistrationId,
        Reason = reason.Trim(),
        Contact = contact.Trim(),
        Status = TicketStatus.Open,
        CreatedByUserId = userId,
        CreatedAt = now,
    };

    public Result<BackgroundAssociationTicket> Process(string managerId, DateTime now) => Decide(TicketStatus.Processed, managerId, null, now);

    public Result<BackgroundAssociationTicket> Decline(string managerId, string reason, DateTime now) =>
        Decide(TicketStatus.Declined, managerId, reason.Trim(), now);

    private Result<BackgroundAssociationTicket> Decide(TicketStatus status, string managerId, string? reason, DateTime now)
    {
        if (!CanBeDecided)
        {
            return NotOpen;
        }

        Status = status;
        DecidedAt = now;
        DecidedByUserId = managerId;
        DeclineReason = reason;
        Version++;
        return this;
    }
}
