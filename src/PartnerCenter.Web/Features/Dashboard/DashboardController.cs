using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Dashboard;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Dashboard;

/// <summary>The ecosystem manager's dashboard: the managed partners at a glance.</summary>
public sealed class DashboardController(DashboardQueries dashboard, CustomerQueries customers) : EcosystemManagerController
{
    [HttpGet]
    public async Task<IActionResult> Index()
    {
        ViewData["Title"] = "Dashboard";
        ViewData["OverdueEnds"] = await customers.OverdueForManagerAsync(User.UserId(), HttpContext.RequestAborted);
        return View(await dashboard.ForManagerAsync(User.UserId(), HttpContext.RequestAborted));
    }
}
