namespace PartnerCenter.Core.Mail;

/// <summary>Tells the partner how the ecosystem manager decided a manual review.</summary>
public sealed record ReviewDecisionEmail(string PartnerName, string CustomerName, bool Approved, string? Reason, DateTime? ValidUntilUtc) : EmailModel
{
    public override string Template => "ReviewDecision";
    public override string Subject => Approved
        ? $"Preregistration of {CustomerName} approved"
        : $"Preregistration of {CustomerName} rejected";
}
