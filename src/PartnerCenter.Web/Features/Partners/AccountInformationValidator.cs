using FluentValidation;

namespace PartnerCenter.Web.Features.Partners;

public sealed class AccountInformationValidator : AbstractValidator<AccountInformationModel>
{
    public AccountInformationValidator()
    {
        RuleFor(m => m).Must(m => !string.IsNullOrWhiteSpace(m.ReservedEmail) || !string.IsNullOrWhiteSpace(m.ReservedMobile))
            .WithMessage("Reserve at least a contact email address or a mobile number.");
        When(m => !string.IsNullOrWhiteSpace(m.ReservedEmail), () => RuleFor(m => m.ReservedEmail).ValidEmail());
        When(m => !string.IsNullOrWhiteSpace(m.ReservedMobile), () => RuleFor(m => m.ReservedMobile).ValidMobile());
    }
}
