using FluentValidation;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Web.Features.Preregistrations;

public sealed class PreregisterValidator : AbstractValidator<PreregisterModel>
{
    public PreregisterValidator()
    {
        RuleFor(m => m.FullName).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("Enter the customer's full name.")
            .Must(v => v!.Trim().Length <= Preregistration.NameMaxLength)
                .WithMessage($"The full name can have at most {Preregistration.NameMaxLength} characters.")
            .Must(v => !v!.Any(char.IsControl)).WithMessage("The full name cannot contain control characters.");
        RuleFor(m => m.Email).ValidEmail();
        RuleFor(m => m.Mobile).ValidMobile();
    }
}
