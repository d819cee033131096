using FluentValidation;
using PartnerCenter.Core.Tickets;
using PartnerCenter.Core.Associations;

namespace PartnerCenter.Web.Features.Tickets;

public sealed class BackgroundAssociationValidator : AbstractValidator<BackgroundAssociationModel>
{
    public BackgroundAssociationValidator()
    {
        RuleFor(m => m.Reason).Cascade(CascadeMode.Stop)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Enter a reason for the request.")
            .Must(r => r!.Trim().Length <= BackgroundAssociationTicket.ReasonMaxLength).WithMessage($"The reason can have at most {BackgroundAssociationTicket.ReasonMaxLength} characters.");
        RuleFor(m => m.Contact).Cascade(CascadeMode.Stop)
            .Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("Enter a contact (name and phone or email) for the ecosystem manager.")
            .Must(c => c!.Trim().Length <= 200).WithMessage("The contact can have at most 200 characters.");
    }
}
