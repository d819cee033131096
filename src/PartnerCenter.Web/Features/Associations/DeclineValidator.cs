using FluentValidation;
using PartnerCenter.Core.Invitations;

namespace PartnerCenter.Web.Features.Associations;

public sealed class DeclineValidator : AbstractValidator<DeclineModel>
{
    public DeclineValidator() =>
        RuleFor(m => m.Reason!.Trim()).MaximumLength(Invitation.DeclineReasonMaxLength)
            .WithMessage(InvitationErrors.DeclineReasonTooLong.Message).OverridePropertyName(nameof(DeclineModel.Reason))
            .When(m => m.Reason is not null);
}
