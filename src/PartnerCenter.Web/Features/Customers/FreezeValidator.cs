using FluentValidation;
using PartnerCenter.Core.Customers;

namespace PartnerCenter.Web.Features.Customers;

public sealed class FreezeValidator : AbstractValidator<FreezeModel>
{
    public FreezeValidator() =>
        RuleFor(m => m.Reason).RequiredText("Enter a reason.", "reason", FreezeCustomer.ReasonMaxLength);
}
