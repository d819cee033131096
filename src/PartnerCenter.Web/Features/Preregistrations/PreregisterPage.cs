using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Web.Features.Preregistrations;

public sealed class PreregisterPage
{
    public required PreregisterModel Form { get; init; }
    public IReadOnlyList<ReviewTrigger> OfferedTriggers { get; init; } = [];
    public bool HasReservedContact { get; init; } = true;
    public bool CapReached { get; init; }
}
