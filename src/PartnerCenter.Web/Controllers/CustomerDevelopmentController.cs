using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Controllers;

/// <summary>Sales &gt; Leads and Opportunities &gt; Customer Development.</summary>
[Authorize(Policy = Policies.PartnerUser)]
[CustomerDevelopmentPermission]
public sealed class CustomerDevelopmentController : AppController
{
    private const string Crumbs = "Sales > Leads and Opportunities > Customer Development";

    [HttpGet]
    public IActionResult Index()
    {
        ViewData["Title"] = "Customer Development";
        ViewData["Breadcrumb"] = Crumbs;
        return View();
    }
}
