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
    [HttpGet]
    public async Task<IActionResult> Tickets()
    {
        ViewData["Title"] = T["Background association tickets"].Value;
        return View(await queries.ForManagerAsync(User.UserId(), HttpContext.RequestAborted));
    }

    [HttpPost]
    public async Task<IActionResult> ProcessTicket(Guid id)
    {
        var result = await process.ExecuteAsync(User.UserId(), id, HttpContext.RequestAborted);
        return await BackToListAsync(result, nameof(Tickets), _ => T["Associated in the background; the customer is not frozen."]);
    }

    [HttpGet]
    public Task<IActionResult> DeclineTicket(Guid id) => RefusalFormAsync(Declining, id);

    [HttpPost]
    public Task<IActionResult> DeclineTicket(RejectModel model) =>
        RefuseAsync(Declining, model, reason => decline.ExecuteAsync(User.UserId(), model.Id, reason, HttpContext.RequestAborted),
            nameof(Tickets), T["Ticket declined; the partner sees your reason."]);

    private Refusal Declining => new(nameof(DeclineTicket), T["Decline ticket"], T["Decline the background association"], queries.DescribeAsync);
}
