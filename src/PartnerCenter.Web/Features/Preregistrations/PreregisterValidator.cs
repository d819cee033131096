using FluentValidation;
using Microsoft.Extensions.Localization;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Web.Features.Preregistrations;

/// <summary>The preregistration form's input rules; its own message in the reader's language (validators are scoped, one per request).</summary>
public sealed class PreregisterValidator : AbstractValidator<PreregisterModel>
{
    public PreregisterValidator(IStringLocalizer<PreregisterValidator> text)
    {
        RuleFor(m => m.FullName).ValidFullName(text["Enter the customer's full name."]);
        RuleFor(m => m.Email).ValidEmail();
        RuleFor(m => m.Mobile).ValidMobile();
    }
}
