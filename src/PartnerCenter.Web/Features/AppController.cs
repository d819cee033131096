using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Web.Features;

/// <summary>The one place that turns validation results and domain errors into what the user sees.</summary>
public abstract class AppController : Controller
{
    private IStringLocalizer? text;

    /// <summary>
    /// This controller's texts in the reader's language (flash messages and the like): <c>T["Profile saved."]</c>,
    /// translated in <c>Resources/Features/&lt;Feature&gt;/&lt;Controller&gt;.zh-CN.resx</c>.
    /// </summary>
    protected IStringLocalizer T => text ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizerFactory>().Create(GetType());

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

    /// <summary>
    /// The one place a use case's result becomes what the user sees. Success runs <paramref name="onSuccess"/>.
    /// Not found answers 404. A conflict (someone else changed the record first) is a flash message on
    /// <paramref name="back"/>, or 409 with a problem+json body for a request that does not want a page. A
    /// rule error goes at the top of <paramref name="form"/> and a field error next to its field (an error with
    /// several causes shows each of them); without a
    /// form to show again, both are flash messages on <paramref name="back"/>.
    /// </summary>
    protected async Task<IActionResult> OutcomeAsync<T>(
        Result<T> result, Func<T, IActionResult> onSuccess, Func<IActionResult> back, Func<Task<IActionResult>>? form = null)
    {
        if (result.IsSuccess)
        {
            return onSuccess(result.Value!);
        }

        var error = result.Error!;
        switch (error.Kind)
        {
            case ErrorKind.NotFound:
                return NotFound();
            case ErrorKind.Conflict when !WantsPage():
                return Problem(statusCode: StatusCodes.Status409Conflict, title: error.Message, type: error.Code);
            case ErrorKind.Rule or ErrorKind.Field when form is not null:
                foreach (var cause in error.Causes ?? [error])
                {
                    ModelState.AddModelError(cause.Kind == ErrorKind.Field ? cause.Field ?? "" : "", cause.Message);
                }

                return await form();
            default:
                Failure(error.Message);
                return back();
        }
    }

    /// <summary>The same, for a form whose page is built synchronously.</summary>
    protected Task<IActionResult> OutcomeAsync<T>(Result<T> result, Func<T, IActionResult> onSuccess, Func<IActionResult> back, Func<IActionResult> form) =>
        OutcomeAsync(result, onSuccess, back, () => Task.FromResult(form()));

    /// <summary>After an action on a row of a list: its message and back to the list (errors as <see cref="OutcomeAsync{T}(Result{T}, Func{T, IActionResult}, Func{IActionResult}, Func{Task{IActionResult}}?)"/>).</summary>
    protected Task<IActionResult> BackToListAsync<T>(Result<T> result, string listAction, Func<T, string> success) =>
        OutcomeAsync(result, value =>
        {
            Success(success(value));
            return RedirectToAction(listAction);
        }, () => RedirectToAction(listAction));

    /// <summary>Browsers ask for HTML (or send no preference); API-style callers ask for JSON.</summary>
    private bool WantsPage()
    {
        var accept = Request.Headers.Accept.ToString();
        return accept.Length == 0 || accept.Contains("text/html", StringComparison.OrdinalIgnoreCase)
               || !accept.Contains("json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A return address the app may redirect to: local, and plain printable ASCII (a Location header
    /// cannot carry anything else; typed-in non-ASCII would otherwise fail the response).
    /// </summary>
    protected string? SafeReturnUrl(string? returnUrl) =>
        Url.IsLocalUrl(returnUrl) && returnUrl!.All(c => c is > ' ' and < (char)127) ? returnUrl : null;

    protected void Success(string message) => TempData["Success"] = message;

    protected void Failure(string message) => TempData["Error"] = message;
}
