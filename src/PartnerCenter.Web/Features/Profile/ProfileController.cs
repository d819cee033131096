using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Common;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Profile;

/// <summary>Every signed-in user's profile: their time zone and, for partner users, which partner emails they get.</summary>
[Authorize]
public sealed class ProfileController(UpdateProfile update, UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock) : AppController
{
    [HttpGet]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        return Page(new ProfileModel
        {
            TimeZoneId = user.TimeZoneId,
            Language = user.Language,
            EmailOnReviewDecided = !user.ReviewDecidedEmailOff,
            EmailOnCustomerAssociated = !user.CustomerAssociatedEmailOff,
            ClaimReminders = user.ClaimRemindersEnabled,
        });
    }

    [HttpPost]
    public async Task<IActionResult> Index(ProfileModel model)
    {
        if (!await ValidateAsync(model))
        {
            return Page(model);
        }

        var result = await update.ExecuteAsync(User.UserId(),
            new ProfileChange(model.TimeZoneId, model.EmailOnReviewDecided, model.EmailOnCustomerAssociated, model.ClaimReminders, model.Language), HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            // The zone and the language travel in the auth cookie: refresh it, so the next page is already in them.
            await signIn.RefreshSignInAsync(result.Value!);
            if (result.Value!.Language is { } language)
            {
                // The header's switch shows the same choice after signing out.
                Response.Cookies.Append(Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName,
                    Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(new(language)),
                    new CookieOptions { Expires = clock.GetUtcNow() + LanguageController.CookieLifetime, IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps });

                // "Profile saved." is read on the next page, already in the new language.
                System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture =
                    System.Globalization.CultureInfo.GetCultureInfo(language);
            }
        }

        return await OutcomeAsync(result, _ =>
        {
            Success(T["Profile saved."]);
            return RedirectToAction(nameof(Index));
        }, () => Page(model), () => Page(model));
    }

    private ViewResult Page(ProfileModel model)
    {
        var now = clock.UtcNow();
        model.ShowsEmailPreferences = User.IsPartnerUser();
        var fallback = TimeZones.Find(User.FindFirst(AppClaims.DefaultTimeZone)?.Value);
        model.DefaultDescription = User.IsPartnerUser() ? T["your partner's zone, {0}", TimeZones.Describe(fallback, now)]
            : User.IsInRole(Roles.Customer) ? T["your browser's zone, else {0}", TimeZones.Describe(fallback, now)]
            : TimeZones.Describe(fallback, now);
        ViewData["Title"] = T["Profile"].Value;
        ViewData["Zones"] = TimeZones.Choosable(now).Select(z => (z.Id, TimeZones.Describe(z, now))).ToList();
        return View(nameof(Index), model);
    }
}
