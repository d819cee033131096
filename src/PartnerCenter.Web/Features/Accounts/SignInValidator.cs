using FluentValidation;
using Microsoft.Extensions.Localization;

namespace PartnerCenter.Web.Features.Accounts;

public sealed class SignInValidator : AbstractValidator<SignInModel>
{
    public SignInValidator(IStringLocalizer<SignInValidator> text)
    {
        RuleFor(m => m.Email).NotEmpty().WithMessage(_ => text["Enter your email address."]).MaximumLength(254);
        RuleFor(m => m.Password).NotEmpty().WithMessage(_ => text["Enter your password."]).MaximumLength(256);
    }
}
