using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Associations;
using PartnerCenter.Web.Features.Preregistrations;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Associations;

/// <summary>The History Records tab of Customer Development: every association attempt of the partner's customers.</summary>
public sealed class AssociationHistoryController(AssociationQueries associations) : CustomerDevelopmentController
{
    [HttpGet]
    public async Task<IActionResult> History(int page = 1)
    {
        ViewData["Title"] = "History Records";
        ViewData["Breadcrumb"] = PreregistrationsController.Crumbs;
        var (rows, total) = await associations.HistoryAsync(User.PartnerId(), page, HttpContext.RequestAborted);
        return View(new HistoryPageModel { Rows = rows, Total = total, Page = Math.Max(page, 1) });
    }
}
