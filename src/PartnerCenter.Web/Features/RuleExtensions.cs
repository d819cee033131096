using FluentValidation;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Web.Features;

/// <summary>The input rules of docs/domain.md shared by every form that takes an email or a mobile number.</summary>
public static class RuleExtensions
{
    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilderInitial<T, string?> rule) => rule
        .Cascade(CascadeMode.Stop)
        .NotEmpty().WithMessage(_ => Phrase.Translate("Enter an email address."))
        .MaximumLength(EmailAddress.MaxLength).WithMessage(_ => new Phrase("The email address can have at most {0} characters.", EmailAddress.MaxLength).ToString())
        .Must(v => EmailAddress.HasOnlyAllowedCharacters(v!.Trim()))
            .WithMessage(_ => Phrase.Translate("The email address can contain only letters, digits, underscores (_), hyphens (-) and periods (.)."))
        .Must(v => EmailAddress.IsWellFormed(v!.Trim())).WithMessage(_ => Phrase.Translate("Enter a valid email address, such as name@example.com."));

    /// <summary>
    /// Required free text (a reason, a contact, a name): not blank, at most <paramref name="max"/> characters once trimmed.
    /// <paramref name="whenMissing"/> and <paramref name="what"/> are read in the reader's language (pass them translated).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilderInitial<T, string?> rule, string whenMissing, string what, int max) => rule
        .Cascade(CascadeMode.Stop)
        .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => Phrase.Translate(whenMissing))
        .Must(v => v!.Trim().Length <= max).WithMessage(_ => new Phrase("The {0} can have at most {1} characters.", new Phrase(what), max).ToString());

    /// <summary>A person's full name (<see cref="PersonName"/>): required, any script, no control or bidirectional control characters.</summary>
    public static IRuleBuilderOptions<T, string?> ValidFullName<T>(this IRuleBuilderInitial<T, string?> rule, string whenMissing) => rule
        .RequiredText(whenMissing, "full name", PersonName.MaxLength)
        .Must(v => !PersonName.HasControlCharacters(v!)).WithMessage(_ => Phrase.Translate(PersonName.ControlCharacters))
        .Must(v => !PersonName.HasBidiControls(v!)).WithMessage(_ => Phrase.Translate(PersonName.BidiControls));

    public static IRuleBuilderOptions<T, string?> ValidMobile<T>(this IRuleBuilderInitial<T, string?> rule) => rule
        .Cascade(CascadeMode.Stop)
        .NotEmpty().WithMessage(_ => Phrase.Translate("Enter a mobile number."))
        .Must(v => MobileNumber.TryParse(v, out _))
            .WithMessage(_ => Phrase.Translate("Enter a valid mobile number in international format with the country code, such as +49 1512 3456789."));
}
