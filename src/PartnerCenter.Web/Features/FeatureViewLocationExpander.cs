using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace PartnerCenter.Web.Features;

/// <summary>
/// Views live beside their controller. A controller in namespace <c>PartnerCenter.Web.Features.{Feature}</c>
/// finds its views in <c>Features/{Feature}/Views/{Controller}/</c> (for a feature with several controllers
/// whose views share a name), then <c>Features/{Feature}/Views/</c>, and only then in the shared locations.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string Key = "feature";
    private static readonly string Prefix = typeof(FeatureViewLocationExpander).Namespace + ".";

    /// <summary>The feature is part of the view lookup's cache key: controllers of two features may share a name.</summary>
    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action && FeatureOf(action.ControllerTypeInfo) is { } feature)
        {
            context.Values[Key] = feature;
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue(Key, out var feature) && feature is not null
            ? [$"/Features/{feature}/Views/{{1}}/{{0}}{RazorViewEngine.ViewExtension}", $"/Features/{feature}/Views/{{0}}{RazorViewEngine.ViewExtension}", .. viewLocations]
            : viewLocations;

    /// <summary>The feature folder of a controller: the namespace segment after <c>PartnerCenter.Web.Features</c>.</summary>
    public static string? FeatureOf(Type controller) =>
        controller.Namespace is { } ns && ns.StartsWith(Prefix, StringComparison.Ordinal) ? ns[Prefix.Length..].Split('.')[0] : null;
}
