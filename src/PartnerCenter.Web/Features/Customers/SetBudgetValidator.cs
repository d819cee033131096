using FluentValidation;
using Microsoft.Extensions.Localization;
using PartnerCenter.Core.Customers;

namespace PartnerCenter.Web.Features.Customers;

public sealed class SetBudgetValidator : AbstractValidator<SetBudgetModel>
{
    /// <param name="text">The messages in the reader's language, read when the form is validated.</param>
    public SetBudgetValidator(IStringLocalizer<SetBudgetValidator> text)
    {
        RuleFor(m => m.Type).NotNull().WithMessage(_ => text["Choose Monthly or One-time."])
            .Must(t => t is BudgetType.Monthly or BudgetType.OneTime).WithMessage(_ => text["Choose Monthly or One-time."]);
        RuleFor(m => m.Amount).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => text["Enter an amount in USD."])
            .GreaterThan(0).WithMessage(_ => text["The amount must be greater than 0."])
            .LessThanOrEqualTo(BudgetSetting.MaxAmount).WithMessage(_ => text["The amount can be at most {0}.", BudgetSetting.MaxAmount.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)])
            .Must(a => decimal.Round(a!.Value, 2) == a.Value).WithMessage(_ => text["The amount can have at most two decimals."]);
        RuleFor(m => m.OnExhaustion).IsInEnum();
    }
}
