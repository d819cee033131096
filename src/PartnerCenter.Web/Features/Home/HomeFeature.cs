using PartnerCenter.Core.Partners;

namespace PartnerCenter.Web.Features.Home;

public static class HomeFeature
{
    /// <summary>The home page (with the partner's ecosystem manager) and the error and status pages.</summary>
    public static IServiceCollection AddHome(this IServiceCollection services) =>
        services.AddUseCases(typeof(PartnerQueries));
}
