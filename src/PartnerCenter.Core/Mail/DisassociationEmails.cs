using PartnerCenter.Core.Common;
namespace PartnerCenter.Core.Mail;

/// <summary>Tells one side (the partner or the customer) that the association ended at the customer's request.</summary>
public sealed record AssociationEndedEmail(string PartnerName, string CustomerName, string CustomerEmail, DateTime EndedAtUtc, bool ToPartner) : EmailModel
{
    public override string Template => "AssociationEnded";
    protected override Phrase SubjectText => ToPartner
        ? new("{0} is no longer your customer", CustomerName)
        : new("Your association with {0} has ended", PartnerName);
}

/// <summary>Tells the customer the partner declined its request to end the association, and why.</summary>
public sealed record DisassociationDeclinedEmail(string PartnerName, string CustomerName, string Reason) : EmailModel
{
    public override string Template => "DisassociationDeclined";
    protected override Phrase SubjectText => new("{0} declined your request to end the association", PartnerName);
}
