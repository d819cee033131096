using FluentValidation;
using Microsoft.Extensions.Localization;
using PartnerCenter.Core.Reviews;

namespace PartnerCenter.Web.Features.Reviews;

/// <summary>The reason of a refusal the partner reads; its message in the reader's language (validators are scoped, one per request).</summary>
public sealed class RejectValidator : AbstractValidator<RejectModel>
{
    public RejectValidator(IStringLocalizer<RejectValidator> text) =>
        RuleFor(m => m.Reason).RequiredText(text["Enter the reason the partner will read."], "reason", DecideReview.ReasonMaxLength);
}
