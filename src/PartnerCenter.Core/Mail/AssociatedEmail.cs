using PartnerCenter.Core.Common;
namespace PartnerCenter.Core.Mail;

/// <summary>Tells the partner a customer accepted: the account is frozen until the partner sets a budget.</summary>
public sealed record AssociatedEmail(string PartnerName, string CustomerName, string CustomerEmail, DateTime AssociatedAtUtc) : EmailModel
{
    public override string Template => "Associated";
    protected override Phrase SubjectText => new("{0} is now your customer", CustomerName);
}
