using FluentValidation;
using PartnerCenter.Core.Customers;

namespace PartnerCenter.Web.Features.Customers;

public sealed class SetBudgetValidator : AbstractValidator<SetBudgetModel>
{
    public SetBudgetValidator()
    {
        RuleFor(m => m.Type).NotNull().WithMessage("Choose Monthly or One-time.")
            .Must(t => t is BudgetType.Monthly or BudgetType.OneTime).WithMessage("Choose Monthly or One-time.");
        RuleFor(m => m.Amount).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter an amount in USD.")
            .GreaterThan(0).WithMessage("The amount must be greater than 0.")
            .LessThanOrEqualTo(BudgetSetting.MaxAmount).WithMessage("The amount can be at most 2,147,483,647.")
            .Must(a => decimal.Round(a!.Value, 2) == a.Value).WithMessage("The amount can have at most two decimals.");
        RuleFor(m => m.OnExhaustion).IsInEnum();
    }
}
