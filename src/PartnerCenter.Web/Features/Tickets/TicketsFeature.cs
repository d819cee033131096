using Microsoft.Extensions.DependencyInjection.Extensions;
using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Tickets;

namespace PartnerCenter.Web.Features.Tickets;

public static class TicketsFeature
{
    /// <summary>Background association tickets: the partner's request, the ecosystem manager's decision.</summary>
    public static IServiceCollection AddTickets(this IServiceCollection services)
    {
        services.TryAddScoped<TicketQueries>();
        services.TryAddScoped<RequestBackgroundAssociation>();
        services.TryAddScoped<ProcessTicket>();
        services.TryAddScoped<DeclineTicket>();
        services.TryAddScoped<InvitationRevoker>();
        services.TryAddScoped<AssociateCustomer>();
        return services;
    }
}
