using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Web.Features.Preregistrations;

public sealed class ListPageModel
{
    public required ListPage Page { get; init; }
    public required ListQuery Query { get; init; }
    public required IReadOnlySet<MaskedColumn> Revealed { get; init; }
    public required DateTime Now { get; init; }
    public IReadOnlyDictionary<Guid, PartnerCenter.Core.Invitations.DeliveryStatus> Delivery { get; init; } = new Dictionary<Guid, PartnerCenter.Core.Invitations.DeliveryStatus>();
    public IReadOnlyDictionary<Guid, PartnerCenter.Core.Tickets.BackgroundAssociationTicket> Tickets { get; init; } = new Dictionary<Guid, PartnerCenter.Core.Tickets.BackgroundAssociationTicket>();
}
