using PartnerCenter.Core.Common;
namespace PartnerCenter.Core.Mail;

/// <summary>Tells the partner how the ecosystem manager decided a manual review.</summary>
/// <param name="InvitationQueued">The partner chose "Send invitation link: Yes" and the invitation email was queued with the approval.</param>
/// <param name="InvitationNotSent">The partner chose "Send invitation link: Yes" but the invitation was not sent: why (e.g. a prepaid partner).</param>
public sealed record ReviewDecisionEmail(
    string PartnerName, string CustomerName, bool Approved, string? Reason, DateTime? ValidUntilUtc,
    bool InvitationQueued = false, PartnerCenter.Core.Common.Phrase? InvitationNotSent = null) : EmailModel
{
    public override string Template => "ReviewDecision";
    protected override Phrase SubjectText => Approved
        ? new("Preregistration of {0} approved", CustomerName)
        : new("Preregistration of {0} rejected", CustomerName);
}
