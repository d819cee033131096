using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Partners;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Core.Reviews;
using PartnerCenter.Core.Tickets;
using PartnerCenter.Web.Features.Reveal;
using PartnerCenter.Web.Security;
using PartnerCenter.Web.Time;

namespace PartnerCenter.Web.Features.Preregistrations;

/// <summary>
/// Sales &gt; Leads and Opportunities &gt; Customer Development: the partner's preregistered customers,
/// preregistering, deleting, revealing masked columns. Served under /CustomerDevelopment, as are
/// the History Records tab (Associations) and the background association request (Tickets).
/// </summary>
public sealed class PreregistrationsController(
    PreregistrationQueries queries,
    PartnerQueries partners,
    SubmitPreregistration submit,
    DeletePreregistrations delete,
    ResubmitPreregistration resubmit,
    RequestExtension requestExtension,
    RevealPersonalData reveal,
    InvitationQueries invitations,
    TicketQueries tickets,
    IOptions<ReviewOptions> reviewOptions,
    ReaderTime readerTime,
    TimeProvider clock) : CustomerDevelopmentController
{
    /// <summary>The breadcrumb of every Customer Development page.</summary>
    public const string Crumbs = "Sales > Leads and Opportunities > Customer Development";

    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] ListQuery query)
    {
        SetTitle(T["Customer Development"]);
        var page = await queries.ListAsync(User.PartnerId(),
            new ListRequest(query.Status, query.Q, query.OldestFirst, query.Page), HttpContext.RequestAborted);
        var ids = page.Rows.Select(r => r.Id).ToList();
        var delivery = await invitations.LatestDeliveryAsync(ids, HttpContext.RequestAborted);
        var latestTickets = await tickets.LatestAsync(ids, HttpContext.RequestAborted);
        return View(new ListPageModel
        {
            Page = page, Query = query, Revealed = RevealedColumns(), Now = clock.UtcNow(), Delivery = delivery, Tickets = latestTickets,
        });
    }

    [HttpGet]
    public async Task<IActionResult> Preregister() => await PreregisterView(new PreregisterModel { Language = User.Language() });

    [HttpPost]
    public async Task<IActionResult> Preregister(PreregisterModel model)
    {
        if (!await ValidateAsync(model))
        {
            model.ConfirmReview = false;
            return await PreregisterView(model);
        }

        var request = new PreregistrationRequest(model.FullName!, model.Email!, model.Mobile!, model.SendInvitation, model.ConfirmReview, model.Language ?? User.Language());
        var result = await submit.ExecuteAsync(User.UserId(), User.PartnerId(), request, HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            model.ConfirmReview = false;
        }

        return await OutcomeAsync(result, outcome => Submitted(outcome, model), () => RedirectToAction(nameof(Index)), () => PreregisterView(model));
    }

    private IActionResult Submitted(SubmissionOutcome outcome, PreregisterModel model)
    {
        switch (outcome.Kind)
        {
            case SubmissionKind.ReviewOffered:
                SetTitle(T["Preregister Customer"]);
                return View(nameof(Preregister), new PreregisterPage { Form = model, OfferedTriggers = outcome.Triggers });
            case SubmissionKind.PendingReview:
                Success(T["{0} was submitted for manual review. An ecosystem manager decides within {1} working days.", outcome.Record!.CustomerName, reviewOptions.Value.TargetWorkingDays]);
                break;
            default:
                Success(outcome.InvitationQueued
                    ? T["{0} is preregistered, valid until {1}. The invitation email is on its way.", outcome.Record!.CustomerName, readerTime.Format(outcome.Record.ExpiresAt)]
                    : T["{0} is preregistered, valid until {1}.", outcome.Record!.CustomerName, readerTime.Format(outcome.Record.ExpiresAt)]);
                if (outcome.InvitationRefused is { } refused)
                {
                    Failure(refused.Message);
                }

                break;
        }

        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> Delete([FromForm] List<Guid> ids, [FromForm] string? returnUrl)
    {
        var result = await delete.ExecuteAsync(User.UserId(), User.PartnerId(), ids, HttpContext.RequestAborted);
        return await OutcomeAsync(result, results => Deleted(results, returnUrl), () => BackToList(returnUrl));
    }

    private IActionResult Deleted(IReadOnlyList<DeletionResult> results, string? returnUrl)
    {
        // Names stay masked in the report unless the user revealed them, as in the list.
        var showNames = RevealedColumns().Contains(MaskedColumn.Name);
        string Shown(DeletionResult r) => r.Name is null ? r.Id.ToString() : showNames ? r.Name : Masking.Name(r.Name);
        var deleted = results.Where(r => r.Deleted).ToList();
        var refused = results.Where(r => !r.Deleted).ToList();
        if (deleted.Count > 0)
        {
            Success(deleted.Count == 1
                ? T["{0} was deleted.", Shown(deleted[0])]
                : T["{0} customers were deleted: {1}.", deleted.Count, string.Join(T[", "].Value, deleted.Select(Shown))]);
        }

        if (refused.Count > 0)
        {
            Failure(T["Not deleted: {0}", string.Join(T["; "].Value, refused.Select(r => T["{0} ({1})", Shown(r), r.Reason ?? ""].Value))]);
        }

        return BackToList(returnUrl);
    }

    [HttpGet]
    public async Task<IActionResult> Resubmit(Guid id)
    {
        var row = await queries.RowAsync(User.PartnerId(), id, HttpContext.RequestAborted);
        return await OutcomeAsync(row, r => ResubmitView(r, new ResubmitModel { Id = r.Id, Name = r.Name, Mobile = PartnerCenter.Core.Common.MobileNumber.Display(r.MobileE164) }),
            () => RedirectToAction(nameof(Index)));
    }

    [HttpPost]
    public async Task<IActionResult> Resubmit(ResubmitModel model)
    {
        var ct = HttpContext.RequestAborted;
        var result = await resubmit.ExecuteAsync(User.UserId(), User.PartnerId(), model.Id, new Resubmission(model.Name, model.Mobile), ct);
        return await OutcomeAsync(result, record =>
        {
            Success(T["{0} was resubmitted for manual review. An ecosystem manager decides within {1} working days.", record.CustomerName, reviewOptions.Value.TargetWorkingDays]);
            return RedirectToAction(nameof(Index));
        }, () => RedirectToAction(nameof(Index)), async () =>
        {
            var row = await queries.RowAsync(User.PartnerId(), model.Id, ct);
            return row.IsSuccess ? ResubmitView(row.Value!, model) : NotFound();
        });
    }

    private IActionResult ResubmitView(PreregistrationRow row, ResubmitModel model)
    {
        if (!row.Allows(PreregistrationOperations.Resubmit))
        {
            Failure(PreregistrationErrors.NotActionRequired(row.Status).Message);
            return RedirectToAction(nameof(Index));
        }

        SetTitle(T["Correct and resubmit"]);
        return View(nameof(Resubmit), new ResubmitPage { Row = row, Form = model });
    }

    [HttpGet]
    public async Task<IActionResult> RequestExtension(Guid id)
    {
        var row = await queries.RowAsync(User.PartnerId(), id, HttpContext.RequestAborted);
        return await OutcomeAsync(row, r =>
        {
            if (!r.Allows(PreregistrationOperations.RequestExtension))
            {
                Failure(PreregistrationErrors.ExtensionNotAllowed(r.Status).Message);
                return RedirectToAction(nameof(Index));
            }

            return ExtensionView(r, new ExtensionModel { Id = r.Id });
        }, () => RedirectToAction(nameof(Index)));
    }

    [HttpPost]
    public async Task<IActionResult> RequestExtension(ExtensionModel model)
    {
        var ct = HttpContext.RequestAborted;
        var row = await queries.RowAsync(User.PartnerId(), model.Id, ct);
        if (!row.IsSuccess)
        {
            return NotFound();
        }

        if (!await ValidateAsync(model))
        {
            return ExtensionView(row.Value!, model);
        }

        var result = await requestExtension.ExecuteAsync(User.UserId(), User.PartnerId(), model.Id, model.Reason, ct);
        return await OutcomeAsync(result, record =>
        {
            Success(T["Extension requested for {0}. An ecosystem manager decides within {1} working days; until then it does not expire.", record.CustomerName, reviewOptions.Value.TargetWorkingDays]);
            return RedirectToAction(nameof(Index));
        }, () => RedirectToAction(nameof(Index)), () => ExtensionView(row.Value!, model));
    }

    private ViewResult ExtensionView(PreregistrationRow row, ExtensionModel model)
    {
        SetTitle(T["Request extension"]);
        return View(nameof(RequestExtension), new ExtensionPage { Row = row, Form = model });
    }

    [HttpPost]
    public async Task<IActionResult> Reveal(MaskedColumn column, bool show, string? returnUrl)
    {
        if (!Enum.IsDefined(column))
        {
            return BadRequest();
        }

        var revealed = RevealedColumns().ToHashSet();
        if (show)
        {
            await reveal.ExecuteAsync(User.UserId(), User.PartnerId(), column, HttpContext.RequestAborted);
            revealed.Add(column);
        }
        else
        {
            revealed.Remove(column);
        }

        Revealed.Save(TempData, User, MaskedList.PreregistrationList, revealed);
        return BackToList(returnUrl);
    }

    private async Task<IActionResult> PreregisterView(PreregisterModel model)
    {
        SetTitle(T["Preregister Customer"]);
        var ct = HttpContext.RequestAborted;
        var partner = await partners.FindAsync(User.PartnerId(), ct);
        var capReached = await queries.OpenCountAsync(User.PartnerId(), ct) >= PreregistrationRules.Cap;
        return View(nameof(Preregister), new PreregisterPage
        {
            Form = model,
            HasReservedContact = partner?.HasReservedContact == true,
            CapReached = capReached,
        });
    }

    private IReadOnlySet<MaskedColumn> RevealedColumns() => Revealed.Columns(TempData, User, MaskedList.PreregistrationList);

    private IActionResult BackToList(string? returnUrl) =>
        SafeReturnUrl(returnUrl) is { } local ? LocalRedirect(local) : RedirectToAction(nameof(Index));

    private void SetTitle(string title)
    {
        ViewData["Title"] = title;
        ViewData["Breadcrumb"] = T[Crumbs].Value;
    }
}
