using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Tickets;
using PartnerCenter.Web.Features.Reviews;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Tickets;

/// <summary>The ecosystem manager's side of background association tickets: process or decline them.</summary>
public sealed class TicketsController(TicketQueries queries, ProcessTicket process, DeclineTicket decline) : EcosystemManagerController
{
    /// <summary>The reason form is the one of a rejected review.</summary>
    private const string ReasonView = "~/Features/Reviews/Views/Reason.cshtml";

    [HttpGet]
    public async Task<IActionResult> Tickets()
    {
        ViewData["Title"] = "Background association tickets";
        return View(await queries.ForManagerAsync(User.UserId(), HttpContext.RequestAborted));
    }

    [HttpPost]
    public async Task<IActionResult> ProcessTicket(Guid id)
    {
        var result = await process.ExecuteAsync(User.UserId(), id, HttpContext.RequestAborted);
        return await BackToListAsync(result, nameof(Tickets), _ => "Associated in the background; the customer is not frozen.");
    }

    [HttpGet]
    public async Task<IActionResult> DeclineTicket(Guid id) =>
        await queries.DescribeAsync(User.UserId(), id, HttpContext.RequestAborted) is { } subject
            ? DeclineView(new RejectModel { Id = id }, subject)
            : NotFound();

    [HttpPost]
    public async Task<IActionResult> DeclineTicket(RejectModel model)
    {
        if (await queries.DescribeAsync(User.UserId(), model.Id, HttpContext.RequestAborted) is not { } subject)
        {
            return NotFound();
        }

        if (!await ValidateAsync(model))
        {
            return DeclineView(model, subject);
        }

        var result = await decline.ExecuteAsync(User.UserId(), model.Id, model.Reason!, HttpContext.RequestAborted);
        return await BackToListAsync(result, nameof(Tickets), _ => "Ticket declined; the partner sees your reason.");
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
