using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Partners;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Partners;

/// <summary>The partner admin grants or withdraws the Customer Development permission.</summary>
[Authorize(Policy = Policies.PartnerAdmin)]
public sealed class UsersController(PartnerUsers partnerUsers) : AppController
{
    [HttpGet]
    public async Task<IActionResult> Index()
    {
        ViewData["Title"] = "Users";
        return View(await partnerUsers.ListAsync(User.PartnerId(), HttpContext.RequestAborted));
    }

    [HttpPost]
    public async Task<IActionResult> SetPermission(string id, bool grant)
    {
        var result = await partnerUsers.SetCustomerDevelopmentAsync(User.UserId(), User.PartnerId(), id, grant, HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            if (result.Error!.Kind == ErrorKind.NotFound)
            {
                return NotFound();
            }

            Problem(result.Error.Message);
            return RedirectToAction(nameof(Index));
        }

        Success(grant
            ? $"Customer Development granted to {result.Value!.DisplayName}."
            : $"Customer Development withdrawn from {result.Value!.DisplayName}.");
        return RedirectToAction(nameof(Index));
    }
}
