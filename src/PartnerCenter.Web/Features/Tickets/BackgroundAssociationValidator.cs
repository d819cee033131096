using FluentValidation;
using Microsoft.Extensions.Localization;
using PartnerCenter.Core.Tickets;
using PartnerCenter.Core.Associations;

namespace PartnerCenter.Web.Features.Tickets;

/// <summary>The background association request's input rules; its messages in the reader's language (validators are scoped, one per request).</summary>
public sealed class BackgroundAssociationValidator : AbstractValidator<BackgroundAssociationModel>
{
    public BackgroundAssociationValidator(IStringLocalizer<BackgroundAssociationValidator> text)
    {
        RuleFor(m => m.Reason).RequiredText(text["Enter a reason for the request."], "reason", BackgroundAssociationTicket.ReasonMaxLength);
        RuleFor(m => m.Contact).RequiredText(text["Enter a contact (name and phone or email) for the ecosystem manager."], "contact", 200);
    }
}
