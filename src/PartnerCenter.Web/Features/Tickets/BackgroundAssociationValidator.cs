using FluentValidation;
using PartnerCenter.Core.Tickets;
using PartnerCenter.Core.Associations;

namespace PartnerCenter.Web.Features.Tickets;

public sealed class BackgroundAssociationValidator : AbstractValidator<BackgroundAssociationModel>
{
    public BackgroundAssociationValidator()
    {
        RuleFor(m => m.Reason).RequiredText("Enter a reason for the request.", "reason", BackgroundAssociationTicket.ReasonMaxLength);
        RuleFor(m => m.Contact).RequiredText("Enter a contact (name and phone or email) for the ecosystem manager.", "contact", 200);
    }
}
