using FluentValidation;
using Microsoft.Extensions.Localization;

namespace PartnerCenter.Web.Features.Associations;

public sealed class AssociateValidator : AbstractValidator<AssociateModel>
{
    public AssociateValidator(IStringLocalizer<AssociateValidator> text) =>
        RuleFor(m => m.Consent).Equal(true).WithMessage(_ => text["Tick the box to confirm you agree to the association."]);
}
