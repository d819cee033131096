using FluentValidation;
using PartnerCenter.Core.Customers;

namespace PartnerCenter.Web.Features.Customers;

public sealed class FreezeValidator : AbstractValidator<FreezeModel>
{
    public FreezeValidator() =>
        RuleFor(m => m.Reason).Cascade(CascadeMode.Stop)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Enter a reason.")
            .Must(r => r!.Trim().Length <= FreezeCustomer.ReasonMaxLength).WithMessage($"The reason can have at most {FreezeCustomer.ReasonMaxLength} characters.");
}
