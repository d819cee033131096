using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Reviews;
using PartnerCenter.Web.Models;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Controllers;

/// <summary>The ecosystem manager's workspace: review queue, customer lookup, background tickets, dashboard.</summary>
[Authorize(Policy = Policies.EcosystemManager)]
public sealed class EcosystemController(ReviewQueries queries, DecideReview decide, ProcessBackgroundTicket tickets, TimeProvider clock) : AppController
{
    [HttpGet]
    public async Task<IActionResult> Index()
    {
        ViewData["Title"] = "Dashboard";
        return View(await queries.DashboardAsync(User.UserId(), HttpContext.RequestAborted));
    }

    [HttpGet]
    public async Task<IActionResult> Reviews()
    {
        ViewData["Title"] = "Manual reviews";
        ViewData["Now"] = clock.UtcNow();
        return View(await queries.QueueAsync(User.UserId(), HttpContext.RequestAborted));
    }

    [HttpPost]
    public async Task<IActionResult> Approve(Guid id)
    {
        var result = await decide.ApproveAsync(User.UserId(), id, HttpContext.RequestAborted);
        return After(result, $"Approved: {result.Value?.CustomerName} is Preregistered for 15 days and the partner was told.", nameof(Reviews));
    }

    [HttpGet]
    public async Task<IActionResult> Reject(Guid id) =>
        await queries.DescribeReviewAsync(User.UserId(), id, HttpContext.RequestAborted) is { } subject
            ? RejectView(new RejectModel { Id = id }, subject)
            : NotFound();

    [HttpPost]
    public async Task<IActionResult> Reject(RejectModel model)
    {
        if (await queries.DescribeReviewAsync(User.UserId(), model.Id, HttpContext.RequestAborted) is not { } subject)
        {
            return NotFound();
        }

        if (!await ValidateAsync(model))
        {
            return RejectView(model, subject);
        }

        var result = await decide.RejectAsync(User.UserId(), model.Id, model.Reason!, HttpContext.RequestAborted);
        return After(result, "Rejected: the partner was told why.", nameof(Reviews));
    }

    [HttpGet]
    public async Task<IActionResult> Lookup(string? email)
    {
        ViewData["Title"] = "Customer status lookup";
        if (string.IsNullOrWhiteSpace(email))
        {
            return View(new LookupPageModel());
        }

        if (!EmailAddress.IsWellFormed(email.Trim()) || !EmailAddress.HasOnlyAllowedCharacters(email.Trim()))
        {
            ModelState.AddModelError("email", "Enter a valid email address, such as name@example.com.");
            return View(new LookupPageModel { Email = email });
        }

        return View(new LookupPageModel { Email = email, Result = await queries.LookupAsync(email, HttpContext.RequestAborted) });
    }

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
        return After(result, "Associated in the background; the customer is not frozen.", nameof(Tickets));
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
        return After(result, "Ticket declined; the partner sees your reason.", nameof(Tickets));
    }

    /// <summary>After a decision: 404 for records the manager does not decide, else a message and back to the list.</summary>
    private IActionResult After<T>(Result<T> result, string success, string list)
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

        return RedirectToAction(list);
    }

    private ViewResult RejectView(RejectModel model, string subject)
    {
        ViewData["Subject"] = subject;
        ViewData["Title"] = "Reject";
        ViewData["Action"] = nameof(Reject);
        ViewData["Heading"] = "Reject the preregistration";
        return View("Reason", model);
    }

    private ViewResult DeclineView(RejectModel model, string subject)
    {
        ViewData["Subject"] = subject;
        ViewData["Title"] = "Decline ticket";
        ViewData["Action"] = nameof(DeclineTicket);
        ViewData["Heading"] = "Decline the background association";
        return View("Reason", model);
    }
}
