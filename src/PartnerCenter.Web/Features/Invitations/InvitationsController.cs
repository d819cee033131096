using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Mail;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Infrastructure.QrCodes;
using PartnerCenter.Web.Features.Preregistrations;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Invitations;

/// <summary>Inviting Preregistered customers: by email (one or a batch), by hyperlink or QR code; the history.</summary>
public sealed class InvitationsController(
    InviteCustomers invite,
    CreateInvitationLink createLink,
    RevokeInvitation revoke,
    InvitationQueries queries,
    IOptions<InvitationOptions> options) : CustomerDevelopmentStaffController
{
    /// <summary>The Invite dialog for the selected customers; nothing is sent until OK.</summary>
    [HttpPost]
    public async Task<IActionResult> Confirm([FromForm] List<Guid> ids, [FromForm] string? returnUrl)
    {
        var distinct = ids.Distinct().Take(InviteCustomers.MaxBatch).ToList();
        var customers = await queries.NamesAsync(User.PartnerId(), distinct, HttpContext.RequestAborted);
        if (distinct.Count > 0 && customers.Count == 0)
        {
            return NotFound();
        }

        if (customers.Count == 0)
        {
            Failure(InvitationErrors.NothingSelected.Message);
            return BackToList(returnUrl);
        }

        SetTitle(T["Invite"]);
        return View(new InviteDialogModel
        {
            Customers = distinct.Where(id => customers.Exists(c => c.Id == id))
                .Select(id => new InviteDialogCustomer(id, Masking.Name(customers.Find(c => c.Id == id).Name))).ToList(),
            ReturnUrl = SafeReturnUrl(returnUrl),
            LinkLifetimeDays = (int)options.Value.Lifetime.TotalDays,
            Language = User.Language(),
        });
    }

    [HttpPost]
    public async Task<IActionResult> Send([FromForm] List<Guid> ids, [FromForm] string? returnUrl, [FromForm] string? language = null)
    {
        var result = await invite.ExecuteAsync(User.UserId(), User.PartnerId(), ids, HttpContext.RequestAborted, language);
        return await OutcomeAsync(result, results => Sent(results, returnUrl), () => BackToList(returnUrl));
    }

    private IActionResult Sent(IReadOnlyList<InviteResult> results, string? returnUrl)
    {
        var queued = results.Where(r => r.Queued).ToList();
        var skipped = results.Where(r => !r.Queued).ToList();
        if (queued.Count > 0)
        {
            Success(queued.Count == 1
                ? T["Invitation email to {0} is on its way.", Masking.Name(queued[0].Name!)]
                : T["{0} invitation emails are on their way.", queued.Count]);
        }

        if (skipped.Count > 0)
        {
            Failure(T["Not invited: {0}", string.Join(T["; "].Value, skipped.Select(r => T["{0} ({1})", r.Name is null ? r.Id.ToString() : Masking.Name(r.Name), r.Reason ?? ""].Value))]);
        }

        return BackToList(returnUrl);
    }

    /// <summary>The exact invitation email for one customer, as the customer will see it (the link is minted on send).</summary>
    [HttpGet]
    public async Task<IActionResult> Preview(Guid id)
    {
        var result = await queries.PreviewAsync(User.PartnerId(), id, HttpContext.RequestAborted);
        return await OutcomeAsync(result, email => EmailHtml(email.Html), () => RedirectToAction("Index", "CustomerDevelopment"));
    }

    /// <summary>Link/QR: the customer's current valid link, or that there is none. A GET that changes nothing.</summary>
    [HttpGet]
    public async Task<IActionResult> Link(Guid id, string? returnUrl)
    {
        var result = await queries.CurrentLinkAsync(User.PartnerId(), id, HttpContext.RequestAborted);
        return await OutcomeAsync(result, current => LinkView(current, returnUrl), () => BackToList(returnUrl));
    }

    /// <summary><b>New link</b>: issues a fresh link and revokes the previous ones, then shows it (POST, redirect, GET).</summary>
    [HttpPost]
    [ActionName("Link")]
    public async Task<IActionResult> NewLink(Guid id, [FromForm] string? returnUrl)
    {
        var result = await createLink.ExecuteAsync(User.UserId(), User.PartnerId(), id, HttpContext.RequestAborted);
        return await OutcomeAsync(result, _ =>
        {
            Success(T["New link issued. Earlier links for this customer no longer work."]);
            return RedirectToAction("Link", new { id, returnUrl = SafeReturnUrl(returnUrl) });
        }, () => RedirectToAction("Link", new { id, returnUrl = SafeReturnUrl(returnUrl) }));
    }

    private ViewResult LinkView(CurrentInvitationLink current, string? returnUrl)
    {
        SetTitle(T["Link / QR code"]);
        var url = current.Link?.Url;
        return View(new LinkQrModel
        {
            Id = current.PreregistrationId,
            CustomerName = Masking.Name(current.CustomerName),
            Url = url,
            ExpiresAt = current.Link?.ExpiresAt,
            CannotIssue = current.CannotIssue?.Message,
            PngDataUri = url is null ? null : "data:image/png;base64," + Convert.ToBase64String(QrCodes.Png(url)),
            SvgDataUri = url is null ? null : "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(QrCodes.Svg(url))),
            ReturnUrl = SafeReturnUrl(returnUrl),
        });
    }

    /// <summary>Revokes one active link from the invitation history (for an email invitation, the history's <b>Cancel</b>).</summary>
    [HttpPost]
    public async Task<IActionResult> Revoke(Guid id, [FromForm] Guid preregistrationId)
    {
        var result = await revoke.ExecuteAsync(User.UserId(), User.PartnerId(), id, HttpContext.RequestAborted);
        return await OutcomeAsync(result, revoked =>
        {
            Success(revoked.Channel == InvitationChannel.Email
                ? T["The invitation was cancelled. Its link no longer works."]
                : T["Link revoked. The customer can no longer use it."]);
            return RedirectToAction("History", new { id = revoked.PreregistrationId });
        }, () => RedirectToAction("History", new { id = preregistrationId }));
    }

    [HttpGet]
    public async Task<IActionResult> History(Guid id)
    {
        var result = await queries.HistoryAsync(User.PartnerId(), id, HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        SetTitle(T["Invitation history"]);
        return View(result.Value!);
    }

    /// <summary>Email HTML shown inside a sandboxed frame: no scripts, nothing from elsewhere.</summary>
    internal ContentResult EmailHtml(string html)
    {
        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        return Content(html, "text/html; charset=utf-8");
    }

    private IActionResult BackToList(string? returnUrl) =>
        SafeReturnUrl(returnUrl) is { } local ? LocalRedirect(local) : RedirectToAction("Index", "CustomerDevelopment");

    private void SetTitle(string title)
    {
        ViewData["Title"] = title;
        ViewData["Breadcrumb"] = T[PreregistrationsController.Crumbs].Value;
    }
}
