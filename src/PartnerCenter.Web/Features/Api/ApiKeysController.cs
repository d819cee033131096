using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.ApiKeys;
using PartnerCenter.Core.Common;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Api;

public sealed class ApiKeyForm
{
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Scopes")]
    public List<string> Scopes { get; set; } = [];

    /// <summary>The key works through this day (UTC); empty: no expiry.</summary>
    [Display(Name = "Expires on (optional)")]
    public DateOnly? ExpiresOn { get; set; }
}

public sealed class ApiKeysPage
{
    public required IReadOnlyList<ApiKeyRow> Keys { get; init; }
    public required ApiKeyForm Form { get; init; }
    public required DateTime Now { get; init; }

    /// <summary>Just created: the only time its secret is shown.</summary>
    public CreatedApiKey? Created { get; init; }
}

/// <summary>Partner Information &gt; API keys: a partner admin creates, lists and revokes the partner's API keys.</summary>
[Authorize(Policy = Policies.PartnerAdmin)]
[ControllerName("PartnerInformation")]
public sealed class ApiKeysController(ApiKeyQueries queries, CreateApiKey create, RevokeApiKey revoke, TimeProvider clock) : AppController
{
    public const string Crumbs = "Partner Information > API keys";

    [HttpGet]
    public async Task<IActionResult> ApiKeys() => await PageAsync(new ApiKeyForm());

    [HttpPost]
    public async Task<IActionResult> CreateApiKey(ApiKeyForm form)
    {
        DateTime? expiresAt = form.ExpiresOn is { } day ? day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null;
        var result = await create.ExecuteAsync(User.UserId(), User.PartnerId(), new ApiKeyRequest(form.Name, form.Scopes, expiresAt), HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            // The key is shown on this response only: no redirect, nothing kept, nothing cached.
            Response.Headers.CacheControl = "no-store";
            Success(T["API key {0} created. Copy it now: it is shown only once.", result.Value!.Name]);
            return await PageAsync(new ApiKeyForm(), result.Value);
        }

        return await OutcomeAsync(result, _ => RedirectToAction(nameof(ApiKeys)), () => RedirectToAction(nameof(ApiKeys)), () => PageAsync(form));
    }

    [HttpPost]
    public async Task<IActionResult> RevokeApiKey(int id)
    {
        var result = await revoke.ExecuteAsync(User.UserId(), User.PartnerId(), id, HttpContext.RequestAborted);
        return await BackToListAsync(result, nameof(ApiKeys), key => T["API key {0} ({1}…) revoked. Requests with it are refused from now on.", key.Name, key.Prefix]);
    }

    private async Task<IActionResult> PageAsync(ApiKeyForm form, CreatedApiKey? created = null)
    {
        ViewData["Title"] = T["API keys"].Value;
        ViewData["Breadcrumb"] = T[Crumbs].Value;
        var keys = await queries.ListAsync(User.PartnerId(), HttpContext.RequestAborted);
        return View(nameof(ApiKeys), new ApiKeysPage { Keys = keys, Form = form, Now = clock.UtcNow(), Created = created });
    }
}
