namespace PartnerCenter.Core.Invitations;

public enum InvitationEventKind
{
    /// <summary>The link was minted (email queued, or link/QR shown).</summary>
    Created = 1,
    /// <summary>The email was handed to the mail server.</summary>
    Sent = 2,
    /// <summary>An attempt to send failed; Detail has the cause.</summary>
    Failed = 3,
    /// <summary>The customer opened the link.</summary>
    Opened = 4,
    /// <summary>The customer used the link to associate.</summary>
    Used = 5,
    /// <summary>The link was voided.</summary>
    Revoked = 6,
    /// <summary>The customer declined the invitation; Detail has their reason, if any.</summary>
    Declined = 7,
}

/// <summary>One line of a customer's invitation history, as the partner sees it.</summary>
public class InvitationEvent
{
    public long Id { get; set; }
    public Guid InvitationId { get; set; }
    public Guid PreregistrationId { get; set; }
    public InvitationEventKind Kind { get; set; }
    public DateTime At { get; set; }
    public string? Detail { get; set; }

    public static InvitationEvent For(Invitation invitation, InvitationEventKind kind, DateTime at, string? detail = null) => new()
    {
        InvitationId = invitation.Id,
        PreregistrationId = invitation.PreregistrationId,
        Kind = kind,
        At = at,
        Detail = detail,
    };
}
