using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Associations;

/// <summary>
/// The customer's side of an association, on the public invitation landing: what a customer sees after
/// clicking the link or scanning the QR code, registering, and consenting to the association.
/// </summary>
[Route("invite/{token}")]
[EnableRateLimiting(RateLimits.InvitationLanding)]
[ControllerName("Invite")]
public sealed class AssociationsController(
    InvitationQueries queries, RegisterCustomer register, AcceptInvitation accept, DeclineInvitation decline, SignInManager<AppUser> signIn) : AppController
{
    [HttpGet("")]
    [AllowAnonymous]
    public async Task<IActionResult> Landing(string token)
    {
        var result = await queries.OpenAsync(token, HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            return Invalid(result.Error!.Message);
        }

        return LandingView(token, result.Value!, new AssociateModel());
    }

    [HttpGet("register")]
    [AllowAnonymous]
    public async Task<IActionResult> Register(string token)
    {
        var result = await queries.OpenAsync(token, HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            return Invalid(result.Error!.Message);
        }

        return RegisterView(token, result.Value!, new RegisterCustomerModel());
    }

    [HttpPost("register")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.Register)]
    public async Task<IActionResult> Register(string token, RegisterCustomerModel model)
    {
        var landing = await queries.OpenAsync(token, HttpContext.RequestAborted);
        if (!landing.IsSuccess)
        {
            return Invalid(landing.Error!.Message);
        }

        if (!await ValidateAsync(model))
        {
            return RegisterView(token, landing.Value!, model);
        }

        var result = await register.ExecuteAsync(token, model.FullName!, model.Password!, HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            ModelState.AddModelError(result.Error!.Code == "password_rules" ? nameof(model.Password) : result.Error.Field ?? "", result.Error.Message);
            return RegisterView(token, landing.Value!, model);
        }

        await signIn.SignInAsync(result.Value!, isPersistent: false);
        Success(T["Your account is ready. Confirm the association below."]);
        return Redirect($"/invite/{Uri.EscapeDataString(token)}");
    }

    [HttpPost("associate")]
    [Authorize]
    public async Task<IActionResult> Associate(string token, AssociateModel model)
    {
        var result = await accept.ExecuteAsync(token, User.UserId(), model.Consent, HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            ViewData["Title"] = T["You are now a customer of {0}", result.Value!.PartnerName].Value;
            return View("Associated", result.Value);
        }

        var error = result.Error!;
        if (error == AssociationErrors.ConsentRequired || error == AssociationErrors.NotACustomer)
        {
            var landing = await queries.OpenAsync(token, HttpContext.RequestAborted);
            if (landing.IsSuccess)
            {
                ModelState.AddModelError(error == AssociationErrors.ConsentRequired ? nameof(model.Consent) : "", error.Message);
                return LandingView(token, landing.Value!, model);
            }
        }

        return Invalid(error.Message, StatusCodes.Status409Conflict);
    }

    /// <summary>The customer says no (optional reason): the link is used up, the partner is told, the claim stays.</summary>
    [HttpPost("decline")]
    [AllowAnonymous]
    public async Task<IActionResult> Decline(string token, DeclineModel model)
    {
        if (!await ValidateAsync(model))
        {
            var landing = await queries.OpenAsync(token, HttpContext.RequestAborted);
            return landing.IsSuccess ? LandingView(token, landing.Value!, new AssociateModel(), model) : Invalid(landing.Error!.Message);
        }

        var result = await decline.ExecuteAsync(token, model.Reason, HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            return Invalid(result.Error!.Message, result.Error == InvitationErrors.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict);
        }

        ViewData["Title"] = T["Invitation declined"].Value;
        return View("Declined", result.Value);
    }

    private ViewResult LandingView(string token, InvitationLanding landing, AssociateModel model, DeclineModel? declineModel = null)
    {
        ViewData["Title"] = T["Invitation from {0}", landing.PartnerName].Value;
        ReturnHereAfterSignIn(token);
        return View("Landing", new LandingPageModel
        {
            Token = token,
            Landing = landing,
            Form = model,
            Decline = declineModel ?? new DeclineModel(),
            SignedInAsCustomer = User.IsInRole(Roles.Customer),
            SignedInOtherwise = User.Identity?.IsAuthenticated == true && !User.IsInRole(Roles.Customer),
        });
    }

    private ViewResult RegisterView(string token, InvitationLanding landing, RegisterCustomerModel model)
    {
        ViewData["Title"] = T["Register"].Value;
        ReturnHereAfterSignIn(token);
        model.Email = landing.CustomerEmail;
        return View("Register", new RegisterPageModel { Token = token, Landing = landing, Form = model });
    }

    /// <summary>The header's <b>Sign in</b> (and the page's own button) come back to the invitation after signing in.</summary>
    private void ReturnHereAfterSignIn(string token) => ViewData[SignInReturnUrl] = $"/invite/{Uri.EscapeDataString(token)}";

    /// <summary>The ViewData key the layout's <b>Sign in</b> link reads its return address from.</summary>
    public const string SignInReturnUrl = "SignInReturnUrl";

    private ViewResult Invalid(string message, int status = StatusCodes.Status404NotFound)
    {
        ViewData["Title"] = T["Invitation"].Value;
        Response.StatusCode = status;
        return View("Invalid", message);
    }
}
