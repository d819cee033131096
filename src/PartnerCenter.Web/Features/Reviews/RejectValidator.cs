using FluentValidation;
using PartnerCenter.Core.Reviews;

namespace PartnerCenter.Web.Features.Reviews;

public sealed class RejectValidator : AbstractValidator<RejectModel>
{
    public RejectValidator() =>
        RuleFor(m => m.Reason).Cascade(CascadeMode.Stop)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Enter the reason the partner will read.")
            .Must(r => r!.Trim().Length <= DecideReview.ReasonMaxLength).WithMessage($"The reason can have at most {DecideReview.ReasonMaxLength} characters.");
}
