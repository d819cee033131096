using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Webhooks;
using PartnerCenter.Web.Security;
using PartnerCenter.Web.Time;

namespace PartnerCenter.Web.Features.Webhooks;

public sealed class WebhookForm
{
    [Display(Name = "Endpoint URL")]
    public string? Url { get; set; }

    [Display(Name = "Events")]
    public List<string> Events { get; set; } = [];
}

public sealed class WebhooksPage
{
    public required IReadOnlyList<WebhookEndpointRow> Endpoints { get; init; }
    public required WebhookForm Form { get; init; }
    public required DateTime Now { get; init; }
    public required WebhookOptions Options { get; init; }

    /// <summary>Just created or rotated: the only time the secret is shown.</summary>
    public ShownSecret? Secret { get; init; }
}

public sealed record ShownSecret(string Url, string Secret, bool Rotated, DateTime? PreviousValidUntil);

public sealed class WebhookLogPage
{
    public required WebhookEndpointRow Endpoint { get; init; }
    public required IReadOnlyList<WebhookDeliveryRow> Deliveries { get; init; }
}

/// <summary>Partner Information &gt; Webhooks: a partner admin registers endpoints, rotates their secrets, reads the delivery log.</summary>
[Authorize(Policy = Policies.PartnerAdmin)]
[ControllerName("PartnerInformation")]
public sealed class WebhooksController(
    WebhookQueries queries, CreateWebhookEndpoint create, RotateWebhookSecret rotate, DeleteWebhookEndpoint delete,
    RedeliverWebhook redeliver, SendTestWebhook sendTest, TimeProvider clock, IOptions<WebhookOptions> options) : AppController
{
    public const string Crumbs = "Partner Information > Webhooks";

    [HttpGet]
    public async Task<IActionResult> Webhooks() => await PageAsync(new WebhookForm());

    [HttpPost]
    public async Task<IActionResult> CreateWebhook(WebhookForm form)
    {
        var result = await create.ExecuteAsync(User.UserId(), User.PartnerId(), new WebhookRequest(form.Url, form.Events), HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            // The secret is shown on this response only: no redirect, nothing kept, nothing cached.
            Response.Headers.CacheControl = "no-store";
            Success(T["Webhook endpoint {0} added. Copy its signing secret now: it is shown only once.", result.Value!.Url]);
            return await PageAsync(new WebhookForm(), new ShownSecret(result.Value.Url, result.Value.Secret, false, null));
        }

        return await OutcomeAsync(result, _ => RedirectToAction(nameof(Webhooks)), () => RedirectToAction(nameof(Webhooks)), () => PageAsync(form));
    }

    [HttpPost]
    public async Task<IActionResult> RotateWebhookSecret(int id)
    {
        var result = await rotate.ExecuteAsync(User.UserId(), User.PartnerId(), id, HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            Response.Headers.CacheControl = "no-store";
            var rotated = result.Value!;
            Success(T["Signing secret of {0} rotated. Copy the new secret now: it is shown only once. The previous secret also signs deliveries until {1}.", rotated.Url, ReaderTime.Format(rotated.PreviousValidUntil)]);
            return await PageAsync(new WebhookForm(), new ShownSecret(rotated.Url, rotated.Secret, true, rotated.PreviousValidUntil));
        }

        return await OutcomeAsync(result, _ => RedirectToAction(nameof(Webhooks)), () => RedirectToAction(nameof(Webhooks)));
    }

    [HttpPost]
    public async Task<IActionResult> DeleteWebhook(int id)
    {
        var result = await delete.ExecuteAsync(User.UserId(), User.PartnerId(), id, HttpContext.RequestAborted);
        return await BackToListAsync(result, nameof(Webhooks), endpoint => T["Webhook endpoint {0} deleted. Nothing more is sent to it.", endpoint.Url]);
    }

    [HttpPost]
    public async Task<IActionResult> SendTestEvent(int id)
    {
        var result = await sendTest.ExecuteAsync(User.PartnerId(), id, HttpContext.RequestAborted);
        return await OutcomeAsync(result, _ =>
        {
            Success(T["Test event queued. Its delivery appears in the log below within seconds."]);
            return RedirectToAction(nameof(WebhookDeliveries), new { id });
        }, () => RedirectToAction(nameof(Webhooks)));
    }

    [HttpGet]
    public async Task<IActionResult> WebhookDeliveries(int id)
    {
        var endpoint = await queries.EndpointAsync(User.PartnerId(), id, HttpContext.RequestAborted);
        if (!endpoint.IsSuccess)
        {
            return NotFound();
        }

        ViewData["Title"] = T["Webhook deliveries"].Value;
        ViewData["Breadcrumb"] = T[Crumbs + " > Deliveries"].Value;
        var deliveries = await queries.DeliveriesAsync(User.PartnerId(), id, HttpContext.RequestAborted);
        return View(nameof(WebhookDeliveries), new WebhookLogPage { Endpoint = endpoint.Value!, Deliveries = deliveries });
    }

    [HttpPost]
    public async Task<IActionResult> Redeliver(int id, Guid deliveryId)
    {
        var result = await redeliver.ExecuteAsync(User.PartnerId(), deliveryId, HttpContext.RequestAborted);
        return await OutcomeAsync(result, delivery =>
        {
            Success(T["Event {0} queued for redelivery.", delivery.Type]);
            return RedirectToAction(nameof(WebhookDeliveries), new { id = delivery.EndpointId });
        }, () => RedirectToAction(nameof(WebhookDeliveries), new { id }));
    }

    private ReaderTime ReaderTime => HttpContext.RequestServices.GetRequiredService<ReaderTime>();

    private async Task<IActionResult> PageAsync(WebhookForm form, ShownSecret? secret = null)
    {
        ViewData["Title"] = T["Webhooks"].Value;
        ViewData["Breadcrumb"] = T[Crumbs].Value;
        var endpoints = await queries.ListAsync(User.PartnerId(), HttpContext.RequestAborted);
        return View(nameof(Webhooks), new WebhooksPage { Endpoints = endpoints, Form = form, Now = clock.UtcNow(), Options = options.Value, Secret = secret });
    }
}
