using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Common;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Partners;

/// <summary>The signed-in customer's view of their partner.</summary>
[Authorize(Roles = Roles.Customer)]
public sealed class MyPartnerController(IAppDb db) : AppController
{
    [HttpGet]
    public async Task<IActionResult> Index()
    {
        ViewData["Title"] = "My Partner";
        var userId = User.UserId();
        var model = await (from u in db.Users
                           join a in db.CustomerAccounts on u.CustomerAccountId equals a.Id
                           where u.Id == userId
                           select new MyPartnerModel(
                               db.Partners.Where(p => p.Id == a.AssociatedPartnerId).Select(p => p.Name).FirstOrDefault(),
                               a.AssociatedAt, a.IsFrozen, a.BudgetType, a.BudgetAmount, a.UsedAmount))
            .AsNoTracking()
            .FirstOrDefaultAsync(HttpContext.RequestAborted);
        return model is null ? NotFound() : View(model);
    }
}
