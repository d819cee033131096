using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using PartnerCenter.Core.Partners;

namespace PartnerCenter.Web.Security;

/// <summary>
/// Customer Development actions need the permission. Without it the user gets a page that says so,
/// with their ecosystem manager's contact, and a 403 status.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class CustomerDevelopmentPermissionAttribute : Attribute, IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        var queries = context.HttpContext.RequestServices.GetRequiredService<PartnerQueries>();
        if (await queries.CanDevelopCustomersAsync(user.UserId(), user.IsPartnerAdmin(), context.HttpContext.RequestAborted))
        {
            await next();
            return;
        }

        var contact = await queries.EcosystemManagerOfAsync(user.PartnerId(), context.HttpContext.RequestAborted);
        var controller = (Controller)context.Controller;
        context.Result = new ViewResult
        {
            ViewName = "~/Views/Shared/NoPermission.cshtml",
            ViewData = new ViewDataDictionary(controller.ViewData) { Model = contact },
            StatusCode = StatusCodes.Status403Forbidden,
        };
    }
}
