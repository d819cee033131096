using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Reveal;

/// <summary>The eye buttons of Customers, Adjustment records, History Records and Invitation history: reveal (audited) or hide a column.</summary>
[Route("Reveal")]
public sealed class RevealController(RevealPersonalData reveal) : CustomerDevelopmentStaffController
{
    [HttpPost("")]
    public async Task<IActionResult> Toggle(MaskedList list, MaskedColumn column, bool show, string? returnUrl)
    {
        if (!Enum.IsDefined(list) || !Enum.IsDefined(column))
        {
            return BadRequest();
        }

        var revealed = Revealed.Columns(TempData, User, list).ToHashSet();
        if (show)
        {
            await reveal.ExecuteAsync(User.UserId(), User.PartnerId(), list, column, HttpContext.RequestAborted);
            revealed.Add(column);
        }
        else
        {
            revealed.Remove(column);
        }

        Revealed.Save(TempData, User, list, revealed);
        return SafeReturnUrl(returnUrl) is { } local ? LocalRedirect(local) : Redirect("/");
    }
}
