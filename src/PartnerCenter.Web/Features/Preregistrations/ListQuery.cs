using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Web.Features.Preregistrations;

public sealed class ListQuery
{
    public PreregistrationStatus? Status { get; set; }
    public string? Q { get; set; }
    public string? Sort { get; set; }
    public int Page { get; set; } = 1;

    public bool OldestFirst => Sort == "oldest";
}
