using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Reviews;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Dashboard;

/// <summary>The ecosystem manager's dashboard: the managed partners at a glance.</summary>
[Authorize(Policy = Policies.EcosystemManager)]
[ControllerName("Ecosystem")]
public sealed class DashboardController(ReviewQueries queries) : AppController
{
    [HttpGet]
    public async Task<IActionResult> Index()
    {
        ViewData["Title"] = "Dashboard";
        return View(await queries.DashboardAsync(User.UserId(), HttpContext.RequestAborted));
    }
}
