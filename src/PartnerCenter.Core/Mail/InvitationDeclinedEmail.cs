using PartnerCenter.Core.Common;
namespace PartnerCenter.Core.Mail;

/// <summary>Tells the partner a customer declined an invitation; the claim itself stays.</summary>
public sealed record InvitationDeclinedEmail(string PartnerName, string CustomerName, string CustomerEmail, string? Reason, DateTime DeclinedAtUtc) : EmailModel
{
    public override string Template => "InvitationDeclined";
    protected override Phrase SubjectText => new("{0} declined your invitation", CustomerName);
}
