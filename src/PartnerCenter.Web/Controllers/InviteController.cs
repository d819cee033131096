using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Invitations;

namespace PartnerCenter.Web.Controllers;

/// <summary>The public invitation landing: what a customer sees after clicking the link or scanning the QR code.</summary>
[AllowAnonymous]
public sealed class InviteController(InvitationQueries queries) : AppController
{
    [HttpGet("/invite/{token}")]
    public async Task<IActionResult> Landing(string token)
    {
        ViewData["Title"] = "Invitation";
        var result = await queries.OpenAsync(token, HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("Invalid", result.Error!.Message);
        }

        return View(result.Value!);
    }
}
