using FluentValidation;
using Microsoft.Extensions.Localization;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Web.Features.Associations;

/// <summary>The shape of the registration form; the password rules themselves are Identity's. Its messages in the reader's language.</summary>
public sealed class RegisterCustomerValidator : AbstractValidator<RegisterCustomerModel>
{
    public RegisterCustomerValidator(IStringLocalizer<RegisterCustomerValidator> text)
    {
        RuleFor(m => m.FullName).ValidFullName(text["Enter your full name."]);
        RuleFor(m => m.Password).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => text["Choose a password."])
            .MaximumLength(128).WithMessage(_ => text["The password can have at most {0} characters.", 128]);
        RuleFor(m => m.ConfirmPassword).Equal(m => m.Password).WithMessage(_ => text["The passwords do not match."]);
    }
}
