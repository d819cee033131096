using FluentValidation;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Web.Features.Preregistrations;

public sealed class PreregisterValidator : AbstractValidator<PreregisterModel>
{
    public PreregisterValidator()
    {
        RuleFor(m => m.FullName).ValidFullName("Enter the customer's full name.");
        RuleFor(m => m.Email).ValidEmail();
        RuleFor(m => m.Mobile).ValidMobile();
    }
}
