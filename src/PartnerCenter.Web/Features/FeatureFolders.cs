using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Mvc.Razor;

namespace PartnerCenter.Web.Features;

public static class FeatureFolders
{
    /// <summary>
    /// Razor looks for a controller's views in its feature folder (see <see cref="FeatureViewLocationExpander"/>),
    /// then in Views/Shared (layout, flash messages, status pages). Emails are rendered by path from Views/Emails.
    /// </summary>
    public static IMvcBuilder AddFeatureFolders(this IMvcBuilder mvc) => mvc.AddRazorOptions(options =>
    {
        options.ViewLocationFormats.Clear();
        options.ViewLocationFormats.Add("/Views/Shared/{0}" + RazorViewEngine.ViewExtension);
        options.ViewLocationExpanders.Add(new FeatureViewLocationExpander());
    });
}

public static class FeatureServices
{
    /// <summary>Registers a feature's use cases and queries (scoped, once: several features share some).</summary>
    public static IServiceCollection AddUseCases(this IServiceCollection services, params Type[] useCases)
    {
        foreach (var useCase in useCases)
        {
            services.TryAddScoped(useCase);
        }

        return services;
    }
}
