using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Partners;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Partners;

/// <summary>The partner admin grants or withdraws the Customer Development permission.</summary>
[Authorize(Policy = Policies.PartnerAdmin)]
public sealed class UsersController(PartnerUserQueries partnerUsers, SetCustomerDevelopmentPermission setPermission) : AppController
{
    [HttpGet]
    public async Task<IActionResult> Index()
    {
        ViewData["Title"] = T["Users"].Value;
        return View(await partnerUsers.ListAsync(User.PartnerId(), HttpContext.RequestAborted));
    }

    [HttpPost]
    public async Task<IActionResult> SetPermission(string id, bool grant)
    {
        var result = await setPermission.ExecuteAsync(User.UserId(), User.PartnerId(), id, grant, HttpContext.RequestAborted);
        return await BackToListAsync(result, nameof(Index), user =>
            grant ? T["Customer Development granted to {0}.", user.DisplayName] : T["Customer Development withdrawn from {0}.", user.DisplayName]);
    }
}
