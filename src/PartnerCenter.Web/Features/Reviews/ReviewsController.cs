using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Core.Reviews;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Reviews;

/// <summary>The ecosystem manager's review queue: approve or reject preregistrations held for manual review.</summary>
public sealed class ReviewsController(ReviewQueries queries, DecideReview decide, TimeProvider clock) : EcosystemManagerController
{
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
        return await BackToListAsync(result, nameof(Reviews), record => $"Approved: {record.CustomerName} is Preregistered for {Preregistration.Validity.TotalDays:0} days and the partner was told.");
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
        return await BackToListAsync(result, nameof(Reviews), _ => "Rejected: the partner was told why.");
    }

    private ViewResult RejectView(RejectModel model, string subject)
    {
        ViewData["Subject"] = subject;
        ViewData["Title"] = "Reject";
        ViewData["Action"] = nameof(Reject);
        ViewData["Heading"] = "Reject the preregistration";
        return View("Reason", model);
    }
}
