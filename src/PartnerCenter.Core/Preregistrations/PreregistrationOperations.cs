namespace PartnerCenter.Core.Preregistrations;

/// <summary>What a partner may do with one record at one moment (<see cref="Preregistration.AllowedOperations"/>).</summary>
[Flags]
public enum PreregistrationOperations
{
    None = 0,
    /// <summary>Send the invitation email (row or batch).</summary>
    Invite = 1,
    /// <summary>Show the link and its QR code.</summary>
    CreateLink = 2,
    /// <summary>Ask the ecosystem manager to associate without freezing.</summary>
    RequestBackgroundAssociation = 4,
    /// <summary>Delete the record (row or batch).</summary>
    Delete = 8,
    /// <summary>Read the invitation history (sent, failed, opened, used).</summary>
    ViewInvitations = 16,
    /// <summary>Correct the fields an ecosystem manager marked and send the record back for review.</summary>
    Resubmit = 32,
    /// <summary>Ask the ecosystem manager for 15 more days (Preregistered, in its last 5 days, once per claim).</summary>
    RequestExtension = 64,
}
