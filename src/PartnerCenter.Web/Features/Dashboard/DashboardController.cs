using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Dashboard;
using PartnerCenter.Web.Security;
using PartnerCenter.Web.Time;

namespace PartnerCenter.Web.Features.Dashboard;

/// <summary>The ecosystem manager's dashboard: the managed partners at a glance.</summary>
public sealed class DashboardController(DashboardQueries dashboard, CustomerQueries customers, ReaderTime readerTime) : EcosystemManagerController
{
    [HttpGet]
    public async Task<IActionResult> Index()
    {
        ViewData["Title"] = T["Dashboard"].Value;
        ViewData["OverdueEnds"] = await customers.OverdueForManagerAsync(User.UserId(), HttpContext.RequestAborted);
        ViewData["WithinTarget"] = await dashboard.DecidedWithinTargetAsync(User.UserId(), HttpContext.RequestAborted);
        return View(await dashboard.ForManagerAsync(User.UserId(), readerTime.Zone, HttpContext.RequestAborted));
    }
}
