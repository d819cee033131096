using FluentValidation;
using PartnerCenter.Core.Customers;

namespace PartnerCenter.Web.Features.Customers;

/// <summary>The query string of Sales &gt; Customers: search, filters, sort and page.</summary>
public sealed class CustomerListQuery
{
    public string? Q { get; set; }

    /// <summary>"frozen", "not-frozen" or empty.</summary>
    public string? Account { get; set; }

    /// <summary>"set", "not-set", "over80" or empty.</summary>
    public string? Budget { get; set; }

    /// <summary>"newest", "oldest", "used-high", "used-low".</summary>
    public string? Sort { get; set; }
    public int Page { get; set; } = 1;

    public CustomerListRequest ToRequest() => new(
        Q,
        Account switch { "frozen" => true, "not-frozen" => false, _ => null },
        Budget switch { "set" => true, "not-set" => false, _ => null },
        Budget == "over80",
        Sort switch
        {
            "oldest" => CustomerSort.AssociatedOldest,
            "used-high" => CustomerSort.UsedHighest,
            "used-low" => CustomerSort.UsedLowest,
            _ => CustomerSort.AssociatedNewest,
        },
        Page);
}

public sealed class CustomersPageModel
{
    public required CustomerPage Page { get; init; }
    public required CustomerListQuery Query { get; init; }
    public required IReadOnlyList<DisassociationRow> Requests { get; init; }
}

public sealed class DeclineEndModel
{
    public Guid Id { get; set; }
    public string? Reason { get; set; }
}

public sealed class DeclineEndValidator : AbstractValidator<DeclineEndModel>
{
    /// <param name="text">The messages in the reader's language (validators are resolved per request, in its culture).</param>
    public DeclineEndValidator(Microsoft.Extensions.Localization.IStringLocalizer<DeclineEndValidator> text) =>
        RuleFor(m => m.Reason).RequiredText(text["Enter a reason."], "reason", DisassociationRequest.ReasonMaxLength)
            .WithMessage(_ => text["The reason can have at most {0} characters.", DisassociationRequest.ReasonMaxLength]);
}
