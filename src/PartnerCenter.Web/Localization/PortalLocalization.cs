using Microsoft.AspNetCore.Localization;

namespace PartnerCenter.Web.Localization;

/// <summary>
/// The languages the portal speaks, the framework's way: <c>.resx</c> resources under <c>Resources/</c>
/// (a view's beside its path, <c>Resources/Features/&lt;Feature&gt;/Views/&lt;View&gt;.zh-CN.resx</c>), read
/// through <c>IViewLocalizer</c> and <c>IStringLocalizer&lt;T&gt;</c>, and the request's culture chosen by
/// <see cref="RequestLocalizationMiddleware"/>.
/// </summary>
public static class PortalLocalization
{
    public const string English = "en";
    public const string SimplifiedChinese = "zh-CN";

    /// <summary>Every language a reader may choose, the default first.</summary>
    public static readonly string[] Cultures = [English, SimplifiedChinese];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(English).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            options.FallBackToParentUICultures = true;
            options.FallBackToParentCultures = true;
            options.ApplyCurrentCultureToResponseHeaders = true;

            // The reader's own choice first (the header's switch, kept in a cookie), then the browser's languages.
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }
}
