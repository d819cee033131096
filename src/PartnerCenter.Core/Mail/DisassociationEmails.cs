namespace PartnerCenter.Core.Mail;

/// <summary>Tells one side (the partner or the customer) that the association ended at the customer's request.</summary>
public sealed record AssociationEndedEmail(string PartnerName, string CustomerName, string CustomerEmail, DateTime EndedAtUtc, bool ToPartner) : EmailModel
{
    public override string Template => "AssociationEnded";
    public override string Subject => ToPartner
        ? $"{CustomerName} is no longer your customer"
        : $"Your association with {PartnerName} has ended";
}

/// <summary>Tells the customer the partner declined its request to end the association, and why.</summary>
public sealed record DisassociationDeclinedEmail(string PartnerName, string CustomerName, string Reason) : EmailModel
{
    public override string Template => "DisassociationDeclined";
    public override string Subject => $"{PartnerName} declined your request to end the association";
}
