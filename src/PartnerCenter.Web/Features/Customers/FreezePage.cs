using PartnerCenter.Core.Customers;

namespace PartnerCenter.Web.Features.Customers;

public sealed class FreezePage
{
    public required FreezeModel Form { get; init; }
    public required CustomerRow Customer { get; init; }
}
