using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Partners;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Home;

public sealed class HomeController(PartnerQueries partners) : AppController
{
    [Authorize]
    public async Task<IActionResult> Index()
    {
        ViewData["Title"] = T["Home"].Value;
        if (!User.IsPartnerUser())
        {
            return View(new HomeModel(null, null));
        }

        var contact = await partners.EcosystemManagerOfAsync(User.PartnerId(), HttpContext.RequestAborted);
        return View(new HomeModel(User.PartnerName(), contact));
    }

    [AllowAnonymous]
    [IgnoreAntiforgeryToken]
    [Route("/Home/Status/{code:int}")]
    public IActionResult Status(int code)
    {
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            return NotFound();
        }

        return View("Status", code);
    }

    [AllowAnonymous]
    [IgnoreAntiforgeryToken]
    public IActionResult Error()
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (failure is null)
        {
            return NotFound();
        }

        var status = DatabaseFailures.IsUnavailable(failure) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = "5";
        }

        return View("Status", status);
    }
}
