using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Partners;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Partners;

/// <summary>Partner Information &gt; Basic Information &gt; Account Information.</summary>
[Authorize(Policy = Policies.PartnerUser)]
public sealed class PartnerInformationController(UpdateAccountInformation update, PartnerQueries partners) : AppController
{
    private const string Crumbs = "Partner Information > Basic Information > Account Information";

    [HttpGet]
    public async Task<IActionResult> AccountInformation()
    {
        var partner = await partners.FindAsync(User.PartnerId(), HttpContext.RequestAborted);
        if (partner is null)
        {
            return NotFound();
        }

        return Page(new AccountInformationModel
        {
            PartnerName = partner.Name,
            ReservedEmail = partner.ReservedEmail,
            ReservedMobile = partner.ReservedMobile,
        });
    }

    [HttpPost]
    [Authorize(Policy = Policies.PartnerAdmin)]
    public async Task<IActionResult> AccountInformation(AccountInformationModel model)
    {
        model.PartnerName = User.PartnerName() ?? "";
        if (!await ValidateAsync(model))
        {
            return Page(model);
        }

        var result = await update.ExecuteAsync(User.UserId(), User.PartnerId(), model.ReservedEmail, model.ReservedMobile, HttpContext.RequestAborted);
        return await OutcomeAsync(result, _ =>
        {
            Success(T["Account information saved."]);
            return RedirectToAction(nameof(AccountInformation));
        }, () => Page(model), () => Page(model));
    }

    private ViewResult Page(AccountInformationModel model)
    {
        model.CanEdit = User.IsPartnerAdmin();
        ViewData["Title"] = T["Account Information"].Value;
        ViewData["Breadcrumb"] = T[Crumbs].Value;
        return View(nameof(AccountInformation), model);
    }
}
