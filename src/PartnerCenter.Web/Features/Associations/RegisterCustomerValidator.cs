using FluentValidation;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Web.Features.Associations;

/// <summary>The shape of the registration form; the password rules themselves are Identity's.</summary>
public sealed class RegisterCustomerValidator : AbstractValidator<RegisterCustomerModel>
{
    public RegisterCustomerValidator()
    {
        RuleFor(m => m.FullName).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("Enter your full name.")
            .Must(v => v!.Trim().Length <= Preregistration.NameMaxLength).WithMessage($"The full name can have at most {Preregistration.NameMaxLength} characters.")
            .Must(v => !v!.Any(char.IsControl)).WithMessage("The full name cannot contain control characters.");
        RuleFor(m => m.Password).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose a password.")
            .MaximumLength(128).WithMessage("The password can have at most 128 characters.");
        RuleFor(m => m.ConfirmPassword).Equal(m => m.Password).WithMessage("The passwords do not match.");
    }
}
