using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace PartnerCenter.Web.Features;

/// <summary>
/// The name a controller goes by in URLs, links (<c>asp-controller</c>) and endpoint data, when it differs
/// from the class name: a feature's controller keeps the pages' established URLs, and several controllers
/// of different features can serve one URL prefix (such as /CustomerDevelopment or /Ecosystem).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ControllerNameAttribute(string name) : Attribute, IControllerModelConvention
{
    public string Name { get; } = name;

    public void Apply(ControllerModel controller) => controller.ControllerName = Name;
}
