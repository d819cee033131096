using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Core.Tickets;
using PartnerCenter.Web.Features.Preregistrations;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Tickets;

/// <summary>The partner's side of a background association ticket: the request, from Customer Development.</summary>
public sealed class TicketRequestsController(PreregistrationQueries preregistrations, RequestBackgroundAssociation requestBackground) : CustomerDevelopmentController
{
    [HttpGet]
    public async Task<IActionResult> BackgroundAssociation(Guid id) =>
        await preregistrations.IsOwnAsync(User.PartnerId(), id, HttpContext.RequestAborted)
            ? BackgroundView(id, new BackgroundAssociationModel())
            : NotFound();

    [HttpPost]
    public async Task<IActionResult> BackgroundAssociation(Guid id, BackgroundAssociationModel model)
    {
        if (!await preregistrations.IsOwnAsync(User.PartnerId(), id, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        if (!await ValidateAsync(model))
        {
            return BackgroundView(id, model);
        }

        var result = await requestBackground.ExecuteAsync(User.UserId(), User.PartnerId(), id, model.Reason!, model.Contact!, HttpContext.RequestAborted);
        return await OutcomeAsync(result, _ =>
        {
            Success(T["Your request for background association was submitted. Your ecosystem manager will process it."]);
            return RedirectToAction(nameof(PreregistrationsController.Index));
        }, () => RedirectToAction(nameof(PreregistrationsController.Index)), () => BackgroundView(id, model));
    }

    private ViewResult BackgroundView(Guid id, BackgroundAssociationModel model)
    {
        ViewData["Title"] = T["Request background association"].Value;
        ViewData["Breadcrumb"] = T[PreregistrationsController.Crumbs].Value;
        ViewData["PreregistrationId"] = id;
        return View("BackgroundAssociation", model);
    }
}
