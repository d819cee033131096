namespace PartnerCenter.Web.Features.Lookup;

public sealed class LookupPageModel
{
    public string? Email { get; set; }
    public PartnerCenter.Core.Reviews.LookupResult? Result { get; set; }
}
