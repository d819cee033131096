namespace PartnerCenter.Core.Mail;

/// <summary>Tells the partner a customer declined an invitation; the claim itself stays.</summary>
public sealed record InvitationDeclinedEmail(string PartnerName, string CustomerName, string CustomerEmail, string? Reason, DateTime DeclinedAtUtc) : EmailModel
{
    public override string Template => "InvitationDeclined";
    public override string Subject => $"{CustomerName} declined your invitation";
}
