using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PartnerCenter.Web.Security;
using PartnerCenter.Core.Accounts;

namespace PartnerCenter.Web.Features.Accounts;

public sealed class AccountController(SignInManager<AppUser> signIn) : AppController
{
    [HttpGet]
    [AllowAnonymous]
    public IActionResult SignIn(string? returnUrl = null)
    {
        ViewData["Title"] = T["Sign in"].Value;
        return View(new SignInModel { ReturnUrl = returnUrl });
    }

    [HttpPost]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> SignIn(SignInModel model)
    {
        ViewData["Title"] = T["Sign in"].Value;
        // A tampered checkbox value must not break re-rendering the form.
        ModelState.Remove(nameof(SignInModel.RememberMe));
        if (!await ValidateAsync(model))
        {
            return View(model);
        }

        var result = await signIn.PasswordSignInAsync(model.Email!.Trim(), model.Password!, model.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(model.ReturnUrl) ?? "/");
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? T["This account is locked after too many failed sign-in attempts. Try again in 15 minutes."]
            : T["The email address or password is incorrect."]);
        model.Password = null;
        return View(model);
    }

    [HttpPost]
    [Authorize]
    public new async Task<IActionResult> SignOut()
    {
        await signIn.SignOutAsync();
        TempData.Clear();
        return RedirectToAction(nameof(SignIn));
    }

    [HttpGet]
    [AllowAnonymous]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Status", StatusCodes.Status403Forbidden);
    }
}
