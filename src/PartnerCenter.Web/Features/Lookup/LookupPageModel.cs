namespace PartnerCenter.Web.Features.Lookup;

public sealed class LookupPageModel
{
    public string? Email { get; set; }
    public PartnerCenter.Core.Lookup.LookupResult? Result { get; set; }
}
