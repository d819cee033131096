using FluentValidation;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Web.Features.Preregistrations;

/// <summary>The "Request extension" form: why the partner needs 15 more days.</summary>
public sealed class ExtensionModel
{
    public Guid Id { get; set; }
    public string? Reason { get; set; }
}

public sealed class ExtensionValidator : AbstractValidator<ExtensionModel>
{
    public ExtensionValidator() =>
        RuleFor(m => m.Reason).RequiredText(PreregistrationErrors.ExtensionReasonRequired.Message, "reason", Preregistration.RejectionReasonMaxLength);
}

/// <summary>The extension page: the record as the list shows it, with the form.</summary>
public sealed class ExtensionPage
{
    public required PreregistrationRow Row { get; init; }
    public required ExtensionModel Form { get; init; }
}
