using FluentValidation;
using PartnerCenter.Core.Budgets;

namespace PartnerCenter.Web.Features.Customers;

public sealed class FreezeValidator : AbstractValidator<FreezeModel>
{
    public FreezeValidator() =>
        RuleFor(m => m.Reason).Cascade(CascadeMode.Stop)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Enter a reason.")
            .Must(r => r!.Trim().Length <= ManageCustomers.ReasonMaxLength).WithMessage($"The reason can have at most {ManageCustomers.ReasonMaxLength} characters.");
}
