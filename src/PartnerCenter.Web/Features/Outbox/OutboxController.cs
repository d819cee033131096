using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Mail;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Outbox;

/// <summary>The platform administrator's view of outgoing email: counts, the oldest pending, failures and Retry.</summary>
[Authorize(Policy = Policies.PlatformAdministrator)]
public sealed class OutboxController(OutboxQueries queries, RetryOutboxMessage retry) : AppController
{
    [HttpGet]
    public async Task<IActionResult> Index()
    {
        ViewData["Title"] = T["Outbox"].Value;
        return View(await queries.SummaryAsync(HttpContext.RequestAborted));
    }

    [HttpPost]
    public async Task<IActionResult> Retry(Guid id)
    {
        var result = await retry.ExecuteAsync(User.UserId(), id, HttpContext.RequestAborted);
        return await BackToListAsync(result, nameof(Index), _ => T["The email is queued again and will be sent in a moment."]);
    }
}
