using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Core.Reviews;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Reviews;

/// <summary>The ecosystem manager's review queue: approve or reject preregistrations held for manual review.</summary>
public sealed class ReviewsController(ReviewQueries queries, DecideReview decide) : EcosystemManagerController
{
    [HttpGet]
    public async Task<IActionResult> Reviews()
    {
        ViewData["Title"] = "Manual reviews";
        return View(await queries.QueueAsync(User.UserId(), HttpContext.RequestAborted));
    }

    [HttpPost]
    public async Task<IActionResult> Approve(Guid id)
    {
        var result = await decide.ApproveAsync(User.UserId(), id, HttpContext.RequestAborted);
        return await BackToListAsync(result, nameof(Reviews), record => $"Approved: {record.CustomerName} is Preregistered for {Preregistration.Validity.TotalDays:0} days and the partner was told.");
    }

    [HttpGet]
    public Task<IActionResult> Reject(Guid id) => RefusalFormAsync(Rejection, id);

    [HttpPost]
    public Task<IActionResult> Reject(RejectModel model) =>
        RefuseAsync(Rejection, model, reason => decide.RejectAsync(User.UserId(), model.Id, reason, HttpContext.RequestAborted),
            nameof(Reviews), "Rejected: the partner was told why.");

    private Refusal Rejection => new(nameof(Reject), "Reject", "Reject the preregistration", queries.DescribeReviewAsync);
}
