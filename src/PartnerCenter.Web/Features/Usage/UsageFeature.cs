using PartnerCenter.Core.Usage;

namespace PartnerCenter.Web.Features.Usage;

public static class UsageFeature
{
    /// <summary>The platform's machine endpoint for spend: <c>POST /platform/usage</c>, guarded by <c>Platform:ApiKey</c>.</summary>
    public static IServiceCollection AddUsage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PlatformOptions>(configuration.GetSection(PlatformOptions.Section));
        services.AddSingleton<PlatformApiKey>();
        return services.AddUseCases(typeof(RecordUsage));
    }
}
