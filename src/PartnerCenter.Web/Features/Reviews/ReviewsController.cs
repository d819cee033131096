using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Core.Reviews;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Reviews;

/// <summary>The ecosystem manager's review queue: approve or reject preregistrations held for manual review.</summary>
public sealed class ReviewsController(ReviewQueries queries, DecideReview decide, ReturnForEdits returnForEdits, DecideExtension extensions) : EcosystemManagerController
{
    [HttpGet]
    public async Task<IActionResult> Reviews()
    {
        ViewData["Title"] = T["Manual reviews"].Value;
        return View(await queries.QueueAsync(User.UserId(), HttpContext.RequestAborted));
    }

    [HttpPost]
    public async Task<IActionResult> Approve(Guid id)
    {
        var result = await decide.ApproveAsync(User.UserId(), id, HttpContext.RequestAborted);
        return await BackToListAsync(result, nameof(Reviews), record => T["Approved: {0} is Preregistered for {1} days and the partner was told.", record.CustomerName, Preregistration.Validity.TotalDays]);
    }

    [HttpGet]
    public Task<IActionResult> Reject(Guid id) => RefusalFormAsync(Rejection, id);

    [HttpPost]
    public Task<IActionResult> Reject(RejectModel model) =>
        RefuseAsync(Rejection, model, reason => decide.RejectAsync(User.UserId(), model.Id, reason, HttpContext.RequestAborted),
            nameof(Reviews), T["Rejected: the partner was told why."]);

    [HttpGet]
    public async Task<IActionResult> Return(Guid id) =>
        await queries.DescribeReviewAsync(User.UserId(), id, HttpContext.RequestAborted) is { } subject
            ? ReturnView(new ReturnModel { Id = id }, subject)
            : NotFound();

    [HttpPost]
    public async Task<IActionResult> Return(ReturnModel model)
    {
        if (await queries.DescribeReviewAsync(User.UserId(), model.Id, HttpContext.RequestAborted) is not { } subject)
        {
            return NotFound();
        }

        if (!await ValidateAsync(model))
        {
            return ReturnView(model, subject);
        }

        var result = await returnForEdits.ExecuteAsync(User.UserId(), model.Id, model.Comment!, model.Fields, HttpContext.RequestAborted);
        return await OutcomeAsync(result, record =>
        {
            Success(T["Returned to partner: {0} is Action required until the partner resubmits it.", record.CustomerName]);
            return RedirectToAction(nameof(Reviews));
        }, () => RedirectToAction(nameof(Reviews)), () => ReturnView(model, subject));
    }

    private ViewResult ReturnView(ReturnModel model, string subject)
    {
        ViewData["Title"] = T["Return to partner"].Value;
        ViewData["Subject"] = subject;
        return View(nameof(Return), model);
    }

    [HttpPost]
    public async Task<IActionResult> ApproveExtension(Guid id)
    {
        var result = await extensions.ApproveAsync(User.UserId(), id, HttpContext.RequestAborted);
        return await BackToListAsync(result, nameof(Reviews), record => T["Extension approved: {0} is Preregistered {1} days longer.", record.CustomerName, Preregistration.ExtensionLength.TotalDays]);
    }

    [HttpGet]
    public Task<IActionResult> DeclineExtension(Guid id) => RefusalFormAsync(ExtensionRefusal, id);

    [HttpPost]
    public Task<IActionResult> DeclineExtension(RejectModel model) =>
        RefuseAsync(ExtensionRefusal, model, reason => extensions.DeclineAsync(User.UserId(), model.Id, reason, HttpContext.RequestAborted),
            nameof(Reviews), T["Extension declined: the partner was told why."]);

    private Refusal ExtensionRefusal => new(nameof(DeclineExtension), T["Decline extension"], T["Decline the extension"], queries.DescribeReviewAsync);

    private Refusal Rejection => new(nameof(Reject), T["Reject"], T["Reject the preregistration"], queries.DescribeReviewAsync);
}
