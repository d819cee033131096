using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Web.Features;

/// <summary>The one place that turns validation results and domain errors into what the user sees.</summary>
public abstract class AppController : Controller
{
    protected async Task<bool> ValidateAsync<T>(T model, string prefix = "")
    {
        var validator = HttpContext.RequestServices.GetRequiredService<IValidator<T>>();
        var result = await validator.ValidateAsync(model, HttpContext.RequestAborted);
        foreach (var failure in result.Errors)
        {
            var key = string.IsNullOrEmpty(failure.PropertyName) ? "" : (prefix.Length > 0 ? $"{prefix}.{failure.PropertyName}" : failure.PropertyName);
            ModelState.AddModelError(key, failure.ErrorMessage);
        }

        return result.IsValid && ModelState.IsValid;
    }

    /// <summary>Not found answers 404; any other refusal is shown at the top of the page the user was on.</summary>
    protected async Task<IActionResult> ShowErrorAsync(Error error, Func<Task<IActionResult>> page)
    {
        if (error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddModelError("", error.Message);
        return await page();
    }

    /// <summary>
    /// A return address the app may redirect to: local, and plain printable ASCII (a Location header
    /// cannot carry anything else; typed-in non-ASCII would otherwise fail the response).
    /// </summary>
    protected string? SafeReturnUrl(string? returnUrl) =>
        Url.IsLocalUrl(returnUrl) && returnUrl!.All(c => c is > ' ' and < (char)127) ? returnUrl : null;

    protected void Success(string message) => TempData["Success"] = message;

    protected void Problem(string message) => TempData["Error"] = message;
}
