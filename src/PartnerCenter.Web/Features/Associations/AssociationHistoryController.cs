using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Associations;
using PartnerCenter.Web.Features.Preregistrations;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Associations;

/// <summary>The History Records tab of Customer Development: every association attempt of the partner's customers.</summary>
public sealed class AssociationHistoryController(AssociationQueries associations) : CustomerDevelopmentController
{
    /// <param name="result">"failed" shows only the <i>Association failed</i> rows.</param>
    [HttpGet]
    public async Task<IActionResult> History(int page = 1, string? result = null)
    {
        ViewData["Title"] = T["History Records"].Value;
        ViewData["Breadcrumb"] = T[PreregistrationsController.Crumbs].Value;
        var failedOnly = result == "failed";
        var (rows, total, shown) = await associations.HistoryAsync(User.PartnerId(), page, failedOnly, HttpContext.RequestAborted);
        return View(new HistoryPageModel { Rows = rows, Total = total, Page = shown, FailedOnly = failedOnly });
    }
}
