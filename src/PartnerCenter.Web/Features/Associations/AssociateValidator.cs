using FluentValidation;

namespace PartnerCenter.Web.Features.Associations;

public sealed class AssociateValidator : AbstractValidator<AssociateModel>
{
    public AssociateValidator() => RuleFor(m => m.Consent).Equal(true).WithMessage("Tick the box to confirm you agree to the association.");
}
