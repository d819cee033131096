using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Common;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Profile;

/// <summary>
/// The header's language switch, for everyone: keeps the choice in the standard culture cookie and, for a
/// signed-in user, saves it as their language (as the profile page does); then back to the same page.
/// </summary>
public sealed class LanguageController(ChooseLanguage choose, SignInManager<AppUser> signIn, TimeProvider clock) : AppController
{
    /// <summary>How long the switch's choice is remembered in the browser.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    [HttpPost]
    public async Task<IActionResult> Set(string? culture, string? returnUrl)
    {
        var back = SafeReturnUrl(returnUrl) ?? Url.Action("Index", "Home") ?? "/";
        if (Languages.Find(culture) is not { } language)
        {
            return LocalRedirect(back);
        }

        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions
            {
                Expires = clock.GetUtcNow() + CookieLifetime,
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
            });
        if (User.Identity?.IsAuthenticated == true)
        {
            var saved = await choose.ExecuteAsync(User.UserId(), language, HttpContext.RequestAborted);
            if (saved.IsSuccess)
            {
                // The language travels in the auth cookie: refresh it, so the next page is already in it.
                await signIn.RefreshSignInAsync(saved.Value!);
            }
        }

        return LocalRedirect(back);
    }
}
