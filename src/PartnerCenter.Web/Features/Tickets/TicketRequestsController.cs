using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Associations;
using PartnerCenter.Web.Features.Preregistrations;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Tickets;

/// <summary>The partner's side of a background association ticket: the request, from Customer Development.</summary>
[Authorize(Policy = Policies.PartnerUser)]
[CustomerDevelopmentPermission]
[ControllerName("CustomerDevelopment")]
public sealed class TicketRequestsController(AssociationQueries associations, RequestBackgroundAssociation requestBackground) : AppController
{
    [HttpGet]
    public async Task<IActionResult> BackgroundAssociation(Guid id) =>
        await associations.IsOwnRecordAsync(User.PartnerId(), id, HttpContext.RequestAborted)
            ? BackgroundView(id, new BackgroundAssociationModel())
            : NotFound();

    [HttpPost]
    public async Task<IActionResult> BackgroundAssociation(Guid id, BackgroundAssociationModel model)
    {
        if (!await associations.IsOwnRecordAsync(User.PartnerId(), id, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        if (!await ValidateAsync(model))
        {
            return BackgroundView(id, model);
        }

        var result = await requestBackground.ExecuteAsync(User.UserId(), User.PartnerId(), id, model.Reason!, model.Contact!, HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            return await ShowErrorAsync(result.Error!, () => Task.FromResult<IActionResult>(BackgroundView(id, model)));
        }

        Success("Your request for background association was submitted. Your ecosystem manager will process it.");
        return RedirectToAction(nameof(PreregistrationsController.Index));
    }

    private ViewResult BackgroundView(Guid id, BackgroundAssociationModel model)
    {
        ViewData["Title"] = "Request background association";
        ViewData["Breadcrumb"] = PreregistrationsController.Crumbs;
        ViewData["PreregistrationId"] = id;
        return View("BackgroundAssociation", model);
    }
}
