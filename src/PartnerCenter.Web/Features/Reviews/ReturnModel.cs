using FluentValidation;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Web.Features.Reviews;

/// <summary>The "Return to partner" form: a comment and the fields the partner must correct (name, mobile; never the email).</summary>
public sealed class ReturnModel
{
    public Guid Id { get; set; }
    public string? Comment { get; set; }
    public bool CorrectName { get; set; }
    public bool CorrectMobile { get; set; }

    public ReturnFields Fields => (CorrectName ? ReturnFields.Name : ReturnFields.None) | (CorrectMobile ? ReturnFields.Mobile : ReturnFields.None);
}

public sealed class ReturnValidator : AbstractValidator<ReturnModel>
{
    public ReturnValidator()
    {
        RuleFor(m => m.Comment).RequiredText(PreregistrationErrors.ReturnCommentRequired.Message, "comment", Preregistration.ReturnCommentMaxLength);
        RuleFor(m => m.Fields).NotEqual(ReturnFields.None).WithMessage(PreregistrationErrors.ReturnFieldsRequired.Message).OverridePropertyName("Fields");
    }
}
