using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Tickets;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Partners;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Infrastructure.Background;

namespace PartnerCenter.Web.Features.Preregistrations;

public static class PreregistrationsFeature
{
    /// <summary>Customer Development's list, preregistering, deleting and revealing; the sweep that expires claims.</summary>
    public static IServiceCollection AddPreregistrations(this IServiceCollection services)
    {
        services.AddOptions<SweepOptions>().BindConfiguration(SweepOptions.Section);
        services.AddHostedService<ExpirySweeper>();
        services.AddHostedService<ClaimReminderSweeper>();
        return services.AddUseCases(
            typeof(PreregistrationQueries),
            typeof(SubmitPreregistration),
            typeof(DeletePreregistrations),
            typeof(ResubmitPreregistration),
            typeof(RequestExtension),
            typeof(RevealPersonalData),
            typeof(PartnerQueries),
            typeof(InvitationQueries),
            typeof(TicketQueries),
            typeof(InvitationRevoker),
            typeof(ExpirePreregistrations),
            typeof(SendClaimReminders));
    }
}
