using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Tickets;

namespace PartnerCenter.Web.Features.Tickets;

public static class TicketsFeature
{
    /// <summary>Background association tickets: the partner's request, the ecosystem manager's decision.</summary>
    public static IServiceCollection AddTickets(this IServiceCollection services) =>
        services.AddUseCases(
            typeof(TicketQueries),
            typeof(RequestBackgroundAssociation),
            typeof(ProcessTicket),
            typeof(DeclineTicket),
            typeof(InvitationRevoker),
            typeof(AssociateCustomer));
}
