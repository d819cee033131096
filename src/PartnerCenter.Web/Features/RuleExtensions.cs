using FluentValidation;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Web.Features;

/// <summary>The input rules of docs/domain.md shared by every form that takes an email or a mobile number.</summary>
public static class RuleExtensions
{
    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilderInitial<T, string?> rule) => rule
        .Cascade(CascadeMode.Stop)
        .NotEmpty().WithMessage("Enter an email address.")
        .MaximumLength(EmailAddress.MaxLength).WithMessage($"The email address can have at most {EmailAddress.MaxLength} characters.")
        .Must(v => EmailAddress.HasOnlyAllowedCharacters(v!.Trim()))
            .WithMessage("The email address can contain only letters, digits, underscores (_), hyphens (-) and periods (.).")
        .Must(v => EmailAddress.IsWellFormed(v!.Trim())).WithMessage("Enter a valid email address, such as name@example.com.");

    public static IRuleBuilderOptions<T, string?> ValidMobile<T>(this IRuleBuilderInitial<T, string?> rule) => rule
        .Cascade(CascadeMode.Stop)
        .NotEmpty().WithMessage("Enter a mobile number.")
        .Must(v => MobileNumber.TryParse(v, out _))
            .WithMessage("Enter a valid mobile number in international format with the country code, such as +49 1512 3456789.");
}
