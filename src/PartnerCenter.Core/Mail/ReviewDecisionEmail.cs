namespace PartnerCenter.Core.Mail;

/// <summary>Tells the partner how the ecosystem manager decided a manual review.</summary>
/// <param name="InvitationQueued">The partner chose "Send invitation link: Yes" and the invitation email was queued with the approval.</param>
/// <param name="InvitationNotSent">The partner chose "Send invitation link: Yes" but the invitation was not sent: why (e.g. a prepaid partner).</param>
public sealed record ReviewDecisionEmail(
    string PartnerName, string CustomerName, bool Approved, string? Reason, DateTime? ValidUntilUtc,
    bool InvitationQueued = false, string? InvitationNotSent = null) : EmailModel
{
    public override string Template => "ReviewDecision";
    public override string Subject => Approved
        ? $"Preregistration of {CustomerName} approved"
        : $"Preregistration of {CustomerName} rejected";
}
