using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Lookup;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Lookup;

/// <summary>The ecosystem manager's customer status lookup by email address.</summary>
public sealed class LookupController(CustomerLookup lookup) : EcosystemManagerController
{
    [HttpGet]
    public async Task<IActionResult> Lookup(string? email)
    {
        ViewData["Title"] = T["Customer status lookup"].Value;
        if (string.IsNullOrWhiteSpace(email))
        {
            return View(new LookupPageModel());
        }

        if (!EmailAddress.IsWellFormed(email.Trim()) || !EmailAddress.HasOnlyAllowedCharacters(email.Trim()))
        {
            ModelState.AddModelError("email", T["Enter a valid email address, such as name@example.com."]);
            return View(new LookupPageModel { Email = email });
        }

        return View(new LookupPageModel { Email = email, Result = await lookup.ExecuteAsync(email, HttpContext.RequestAborted) });
    }
}
