using PartnerCenter.Core.Lookup;

namespace PartnerCenter.Web.Features.Lookup;

public static class LookupFeature
{
    /// <summary>The ecosystem manager's customer status lookup.</summary>
    public static IServiceCollection AddLookup(this IServiceCollection services) =>
        services.AddUseCases(typeof(CustomerLookup));
}
