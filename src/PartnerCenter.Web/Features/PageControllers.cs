using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Common;
using PartnerCenter.Web.Features.Reviews;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features;

/// <summary>The ecosystem manager's pages, all under /Ecosystem (dashboard, reviews, lookup, tickets).</summary>
[Authorize(Policy = Policies.EcosystemManager)]
[ControllerName("Ecosystem")]
public abstract class EcosystemManagerController : AppController
{
    /// <summary>The reason form of a refusal the partner reads (rejecting a review, declining a ticket).</summary>
    /// <param name="Describe">The one-line subject, or null when the record is not this manager's (404).</param>
    protected sealed record Refusal(string Action, string Title, string Heading, Func<string, Guid, CancellationToken, Task<string?>> Describe);

    protected async Task<IActionResult> RefusalFormAsync(Refusal refusal, Guid id) =>
        await refusal.Describe(User.UserId(), id, HttpContext.RequestAborted) is { } subject
            ? RefusalView(refusal, new RejectModel { Id = id }, subject)
            : NotFound();

    protected async Task<IActionResult> RefuseAsync<T>(
        Refusal refusal, RejectModel model, Func<string, Task<Result<T>>> refuse, string listAction, string success)
    {
        if (await refusal.Describe(User.UserId(), model.Id, HttpContext.RequestAborted) is not { } subject)
        {
            return NotFound();
        }

        if (!await ValidateAsync(model))
        {
            return RefusalView(refusal, model, subject);
        }

        return await BackToListAsync(await refuse(model.Reason!), listAction, _ => success);
    }

    private ViewResult RefusalView(Refusal refusal, RejectModel model, string subject)
    {
        ViewData["Subject"] = subject;
        ViewData["Title"] = refusal.Title;
        ViewData["Action"] = refusal.Action;
        ViewData["Heading"] = refusal.Heading;
        return View("Reason", model);
    }
}

/// <summary>Pages of partner staff who develop customers: partner admins, and staff with the permission.</summary>
[Authorize(Policy = Policies.PartnerUser)]
[CustomerDevelopmentPermission]
public abstract class CustomerDevelopmentStaffController : AppController;

/// <summary>Sales &gt; Leads and Opportunities &gt; Customer Development: the pages under /CustomerDevelopment.</summary>
[ControllerName("CustomerDevelopment")]
public abstract class CustomerDevelopmentController : CustomerDevelopmentStaffController;
