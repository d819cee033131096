using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Partners;

/// <summary>The signed-in customer's view of their partner.</summary>
[Authorize(Roles = Roles.Customer)]
public sealed class MyPartnerController(CustomerQueries customers) : AppController
{
    [HttpGet]
    public async Task<IActionResult> Index()
    {
        ViewData["Title"] = "My Partner";
        var model = await customers.MyPartnerAsync(User.UserId(), HttpContext.RequestAborted);
        return model is null ? NotFound() : View(model);
    }
}
