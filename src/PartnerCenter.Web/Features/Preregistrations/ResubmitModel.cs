namespace PartnerCenter.Web.Features.Preregistrations;

/// <summary>The corrected fields of a record returned for edits; the form sends the marked fields (the others are read-only).</summary>
public sealed class ResubmitModel
{
    public Guid Id { get; set; }
    public string? Name { get; set; }
    public string? Mobile { get; set; }
}

/// <summary>The resubmit page: the record as the list shows it, with the form's values.</summary>
public sealed class ResubmitPage
{
    public required PartnerCenter.Core.Preregistrations.PreregistrationRow Row { get; init; }
    public required ResubmitModel Form { get; init; }
}
