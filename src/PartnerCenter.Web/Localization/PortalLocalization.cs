using System.ComponentModel.DataAnnotations;
using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Web.Localization;

/// <summary>
/// The languages the portal speaks, the framework's way: <c>.resx</c> resources under <c>Resources/</c>
/// (a view's beside its path, <c>Resources/Features/&lt;Feature&gt;/Views/&lt;View&gt;.zh-CN.resx</c>), read
/// through <c>IViewLocalizer</c> and <c>IStringLocalizer&lt;T&gt;</c>, and the request's culture chosen by
/// <see cref="RequestLocalizationMiddleware"/>: the signed-in user's saved language, then the header's switch
/// (the culture cookie), then the browser's <c>Accept-Language</c>, else English. Domain texts (statuses, refusal
/// causes, email subjects) are translated in Core (<c>Resources/DomainText.*.resx</c>, <see cref="Phrase"/>).
/// </summary>
public static class PortalLocalization
{
    public const string English = Languages.English;
    public const string SimplifiedChinese = Languages.SimplifiedChinese;

    /// <summary>Where the .resx files are, under the project.</summary>
    public const string ResourcesPath = "Resources";

    /// <summary>Every language a reader may choose, the default first (one home: Core's <see cref="Languages.Supported"/>).</summary>
    public static readonly string[] Cultures = [.. Languages.Supported];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = ResourcesPath);
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(English).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            options.FallBackToParentUICultures = true;
            options.FallBackToParentCultures = true;
            options.ApplyCurrentCultureToResponseHeaders = true;

            // The Partner API answers in English whatever the caller's browser says (its problem+json is for programs);
            // then the user's saved language, the header's switch (a cookie), the browser's languages.
            options.RequestCultureProviders =
            [
                new ApiRequestCultureProvider(),
                new UserLanguageRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        // Identity's messages (password rules, duplicate email, ...) in the reader's language.
        services.AddScoped<IdentityErrorDescriber, LocalizedIdentityErrorDescriber>();

        // Model binding's own messages ("The value 'x' is not valid for Amount.") in the reader's language.
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((mvc, factory) =>
            ModelBindingMessages.Localize(mvc.ModelBindingMessageProvider, factory.Create(typeof(ModelBindingMessages))));
        return services;
    }

    /// <summary>
    /// FluentValidation's default messages follow <see cref="System.Globalization.CultureInfo.CurrentUICulture"/> (its
    /// LanguageManager speaks zh-CN); a property's name in them is its <c>[Display(Name)]</c>, translated from the model's resx.
    /// FluentValidation's options are process-wide, so the resolver reads the resources through a factory of its own,
    /// never one of an app's service provider: a host that stops (tests run many) must not break the others.
    /// </summary>
    public static void UsePortalValidationLanguage(this IServiceProvider services)
    {
        ValidatorOptions.Global.LanguageManager.Enabled = true;
        ValidatorOptions.Global.LanguageManager.Culture = null;
        ValidatorOptions.Global.DisplayNameResolver = (type, member, _) =>
            member?.GetCustomAttribute<DisplayAttribute>()?.Name is { } name ? DisplayNames.Create(type)[name].Value : null;
    }

    private static readonly ResourceManagerStringLocalizerFactory DisplayNames = new(
        Microsoft.Extensions.Options.Options.Create(new LocalizationOptions { ResourcesPath = ResourcesPath }),
        Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
}

/// <summary>Partner API requests are always answered in English (codes and problem+json are for programs).</summary>
public sealed class ApiRequestCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        Task.FromResult(httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            ? new ProviderCultureResult(Languages.English) : null);
}

/// <summary>
/// The signed-in user's saved language (profile page or the header's switch), read from the auth cookie's claims
/// (<see cref="Security.AppClaims.Language"/>, refreshed when it is saved), so no request looks it up.
/// </summary>
public sealed class UserLanguageRequestCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        Task.FromResult(Languages.Find(httpContext.User.FindFirst(Security.AppClaims.Language)?.Value) is { } language
            ? new ProviderCultureResult(language) : null);
}
