using PartnerCenter.Core.Dashboard;

namespace PartnerCenter.Web.Features.Dashboard;

public static class DashboardFeature
{
    /// <summary>The ecosystem manager's dashboard.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services) =>
        services.AddUseCases(typeof(DashboardQueries));
}
