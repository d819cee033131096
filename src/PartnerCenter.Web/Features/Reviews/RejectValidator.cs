using FluentValidation;
using PartnerCenter.Core.Reviews;

namespace PartnerCenter.Web.Features.Reviews;

public sealed class RejectValidator : AbstractValidator<RejectModel>
{
    public RejectValidator() =>
        RuleFor(m => m.Reason).RequiredText("Enter the reason the partner will read.", "reason", DecideReview.ReasonMaxLength);
}
