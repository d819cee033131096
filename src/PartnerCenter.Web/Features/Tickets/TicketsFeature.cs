using Microsoft.Extensions.DependencyInjection.Extensions;
using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Reviews;

namespace PartnerCenter.Web.Features.Tickets;

public static class TicketsFeature
{
    /// <summary>Background association tickets: the partner's request, the ecosystem manager's decision.</summary>
    public static IServiceCollection AddTickets(this IServiceCollection services)
    {
        services.TryAddScoped<AssociationQueries>();
        services.TryAddScoped<RequestBackgroundAssociation>();
        services.TryAddScoped<ReviewQueries>();
        services.TryAddScoped<ProcessBackgroundTicket>();
        return services;
    }
}
