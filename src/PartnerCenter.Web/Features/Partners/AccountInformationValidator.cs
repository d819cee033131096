using FluentValidation;
using Microsoft.Extensions.Localization;

namespace PartnerCenter.Web.Features.Partners;

public sealed class AccountInformationValidator : AbstractValidator<AccountInformationModel>
{
    /// <param name="text">The messages in the reader's language, read when the form is validated.</param>
    public AccountInformationValidator(IStringLocalizer<AccountInformationValidator> text)
    {
        RuleFor(m => m).Must(m => !string.IsNullOrWhiteSpace(m.ReservedEmail) || !string.IsNullOrWhiteSpace(m.ReservedMobile))
            .WithMessage(_ => text["Reserve at least a contact email address or a mobile number."]);
        When(m => !string.IsNullOrWhiteSpace(m.ReservedEmail), () => RuleFor(m => m.ReservedEmail).ValidEmail());
        When(m => !string.IsNullOrWhiteSpace(m.ReservedMobile), () => RuleFor(m => m.ReservedMobile).ValidMobile());
    }
}
