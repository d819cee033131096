using FluentValidation;
using Microsoft.Extensions.Localization;
using PartnerCenter.Core.Customers;

namespace PartnerCenter.Web.Features.Customers;

public sealed class FreezeValidator : AbstractValidator<FreezeModel>
{
    /// <param name="text">The messages in the reader's language (validators are resolved per request, in its culture).</param>
    public FreezeValidator(IStringLocalizer<FreezeValidator> text) =>
        RuleFor(m => m.Reason).RequiredText(text["Enter a reason."], "reason", FreezeCustomer.ReasonMaxLength)
            .WithMessage(_ => text["The reason can have at most {0} characters.", FreezeCustomer.ReasonMaxLength]);
}
