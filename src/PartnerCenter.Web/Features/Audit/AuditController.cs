using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Audit;

/// <summary>Read-only audit trail of a record; the app has no way to alter or delete audit rows.</summary>
[Authorize(Roles = Roles.PartnerAdmin + "," + Roles.EcosystemManager)]
public sealed class AuditController(AuditQueries audit) : AppController
{
    private static readonly HashSet<string> Types = ["Preregistration", "Invitation", "CustomerAccount", "BackgroundAssociationTicket", "User", "Partner"];

    [HttpGet("/Audit/{type}/{id}")]
    public async Task<IActionResult> Trail(string type, string id)
    {
        if (!Types.Contains(type) || id.Length > 64)
        {
            return NotFound();
        }

        var partners = await PartnersAsync();
        var lines = await audit.TrailAsync(type, id, partners, HttpContext.RequestAborted);
        if (lines.Count == 0)
        {
            return NotFound();
        }

        ViewData["Title"] = T["Audit trail"].Value;
        ViewData["Record"] = $"{type} {id}";
        return View(lines);
    }

    /// <summary>Who revealed which masked column of the Customer Development list, and when (newest first).</summary>
    [HttpGet("/Audit/Reveals")]
    public async Task<IActionResult> Reveals()
    {
        var lines = await audit.RevealsAsync(await PartnersAsync(), HttpContext.RequestAborted);
        ViewData["Title"] = T["Reveals of personal data"].Value;
        ViewData["ShowPartner"] = User.IsInRole(Roles.EcosystemManager);
        return View(lines);
    }

    private async Task<IReadOnlyCollection<int>> PartnersAsync() =>
        User.IsInRole(Roles.EcosystemManager)
            ? await audit.ManagedPartnerIdsAsync(User.UserId(), HttpContext.RequestAborted)
            : [User.PartnerId()];
}
