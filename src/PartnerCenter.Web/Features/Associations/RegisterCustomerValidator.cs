using FluentValidation;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Web.Features.Associations;

/// <summary>The shape of the registration form; the password rules themselves are Identity's.</summary>
public sealed class RegisterCustomerValidator : AbstractValidator<RegisterCustomerModel>
{
    public RegisterCustomerValidator()
    {
        RuleFor(m => m.FullName).ValidFullName("Enter your full name.");
        RuleFor(m => m.Password).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose a password.")
            .MaximumLength(128).WithMessage("The password can have at most 128 characters.");
        RuleFor(m => m.ConfirmPassword).Equal(m => m.Password).WithMessage("The passwords do not match.");
    }
}
