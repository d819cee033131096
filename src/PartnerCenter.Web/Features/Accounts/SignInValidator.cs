using FluentValidation;

namespace PartnerCenter.Web.Features.Accounts;

public sealed class SignInValidator : AbstractValidator<SignInModel>
{
    public SignInValidator()
    {
        RuleFor(m => m.Email).NotEmpty().WithMessage("Enter your email address.").MaximumLength(254);
        RuleFor(m => m.Password).NotEmpty().WithMessage("Enter your password.").MaximumLength(256);
    }
}
