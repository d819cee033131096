using FluentValidation;
using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Budgets;
using PartnerCenter.Core.Customers;
using PartnerCenter.Web.Models;

namespace PartnerCenter.Web.Validators;

public sealed class SetBudgetValidator : AbstractValidator<SetBudgetModel>
{
    public SetBudgetValidator()
    {
        RuleFor(m => m.Type).NotNull().WithMessage("Choose Monthly or One-time.")
            .Must(t => t is BudgetType.Monthly or BudgetType.OneTime).WithMessage("Choose Monthly or One-time.");
        RuleFor(m => m.Amount).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter an amount in USD.")
            .GreaterThan(0).WithMessage("The amount must be greater than 0.")
            .LessThanOrEqualTo(ManageCustomers.MaxAmount).WithMessage("The amount can be at most 2,147,483,647.")
            .Must(a => decimal.Round(a!.Value, 2) == a.Value).WithMessage("The amount can have at most two decimals.");
        RuleFor(m => m.OnExhaustion).IsInEnum();
    }
}

public sealed class FreezeValidator : AbstractValidator<FreezeModel>
{
    public FreezeValidator() =>
        RuleFor(m => m.Reason).Cascade(CascadeMode.Stop)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Enter a reason.")
            .Must(r => r!.Trim().Length <= ManageCustomers.ReasonMaxLength).WithMessage($"The reason can have at most {ManageCustomers.ReasonMaxLength} characters.");
}

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
