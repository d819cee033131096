using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace PartnerCenter.Web.Localization;

/// <summary>
/// Identity's messages in the reader's language. The resource key is Identity's stable error code, its neutral
/// value Identity's English template; in English the framework's own text is kept as it is.
/// Translations: <c>Resources/Localization/LocalizedIdentityErrorDescriber.zh-CN.resx</c>.
/// </summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<LocalizedIdentityErrorDescriber> text) : IdentityErrorDescriber
{
    private IdentityError L(IdentityError english, params object[] args)
    {
        var translated = text[english.Code];
        if (translated.ResourceNotFound || CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en")
        {
            return english;
        }

        return new IdentityError { Code = english.Code, Description = string.Format(CultureInfo.CurrentCulture, translated.Value, args) };
    }

    public override IdentityError DefaultError() => L(base.DefaultError());
    public override IdentityError ConcurrencyFailure() => L(base.ConcurrencyFailure());
    public override IdentityError PasswordMismatch() => L(base.PasswordMismatch());
    public override IdentityError InvalidToken() => L(base.InvalidToken());
    public override IdentityError RecoveryCodeRedemptionFailed() => L(base.RecoveryCodeRedemptionFailed());
    public override IdentityError LoginAlreadyAssociated() => L(base.LoginAlreadyAssociated());
    public override IdentityError InvalidUserName(string? userName) => L(base.InvalidUserName(userName), userName ?? "");
    public override IdentityError InvalidEmail(string? email) => L(base.InvalidEmail(email), email ?? "");
    public override IdentityError DuplicateUserName(string userName) => L(base.DuplicateUserName(userName), userName);
    public override IdentityError DuplicateEmail(string email) => L(base.DuplicateEmail(email), email);
    public override IdentityError InvalidRoleName(string? role) => L(base.InvalidRoleName(role), role ?? "");
    public override IdentityError DuplicateRoleName(string role) => L(base.DuplicateRoleName(role), role);
    public override IdentityError UserAlreadyHasPassword() => L(base.UserAlreadyHasPassword());
    public override IdentityError UserLockoutNotEnabled() => L(base.UserLockoutNotEnabled());
    public override IdentityError UserAlreadyInRole(string role) => L(base.UserAlreadyInRole(role), role);
    public override IdentityError UserNotInRole(string role) => L(base.UserNotInRole(role), role);
    public override IdentityError PasswordTooShort(int length) => L(base.PasswordTooShort(length), length);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => L(base.PasswordRequiresUniqueChars(uniqueChars), uniqueChars);
    public override IdentityError PasswordRequiresNonAlphanumeric() => L(base.PasswordRequiresNonAlphanumeric());
    public override IdentityError PasswordRequiresDigit() => L(base.PasswordRequiresDigit());
    public override IdentityError PasswordRequiresLower() => L(base.PasswordRequiresLower());
    public override IdentityError PasswordRequiresUpper() => L(base.PasswordRequiresUpper());
}
