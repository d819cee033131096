using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Reviews;
using PartnerCenter.Web.Features.Reviews;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Tickets;

/// <summary>The ecosystem manager's side of background association tickets: process or decline them.</summary>
[Authorize(Policy = Policies.EcosystemManager)]
[ControllerName("Ecosystem")]
public sealed class TicketsController(ReviewQueries queries, ProcessBackgroundTicket tickets) : AppController
{
    /// <summary>The reason form is the one of a rejected review.</summary>
    private const string ReasonView = "~/Features/Reviews/Views/Reason.cshtml";

    [HttpGet]
    public async Task<IActionResult> Tickets()
    {
        ViewData["Title"] = "Background association tickets";
        return View(await queries.TicketsAsync(User.UserId(), HttpContext.RequestAborted));
    }

    [HttpPost]
    public async Task<IActionResult> ProcessTicket(Guid id)
    {
        var result = await tickets.ProcessAsync(User.UserId(), id, HttpContext.RequestAborted);
        return After(result, "Associated in the background; the customer is not frozen.");
    }

    [HttpGet]
    public async Task<IActionResult> DeclineTicket(Guid id) =>
        await queries.DescribeTicketAsync(User.UserId(), id, HttpContext.RequestAborted) is { } subject
            ? DeclineView(new RejectModel { Id = id }, subject)
            : NotFound();

    [HttpPost]
    public async Task<IActionResult> DeclineTicket(RejectModel model)
    {
        if (await queries.DescribeTicketAsync(User.UserId(), model.Id, HttpContext.RequestAborted) is not { } subject)
        {
            return NotFound();
        }

        if (!await ValidateAsync(model))
        {
            return DeclineView(model, subject);
        }

        var result = await tickets.DeclineAsync(User.UserId(), model.Id, model.Reason!, HttpContext.RequestAborted);
        return After(result, "Ticket declined; the partner sees your reason.");
    }

    /// <summary>After a decision: 404 for tickets the manager does not decide, else a message and back to the list.</summary>
    private IActionResult After<T>(Result<T> result, string success)
    {
        if (result.IsSuccess)
        {
            Success(success);
        }
        else if (result.Error!.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }
        else
        {
            Problem(result.Error.Message);
        }

        return RedirectToAction(nameof(Tickets));
    }

    private ViewResult DeclineView(RejectModel model, string subject)
    {
        ViewData["Subject"] = subject;
        ViewData["Title"] = "Decline ticket";
        ViewData["Action"] = nameof(DeclineTicket);
        ViewData["Heading"] = "Decline the background association";
        return View(ReasonView, model);
    }
}
