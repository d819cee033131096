using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Webhooks;

public sealed record WebhookRequest(string? Url, IReadOnlyCollection<string> Events);

/// <param name="Secret">The signing secret: shown once, never logged.</param>
public sealed record CreatedWebhook(int Id, string Url, IReadOnlyList<string> Events, DateTime CreatedAt, string Secret);

public sealed record RotatedWebhookSecret(int Id, string Url, string Secret, DateTime PreviousValidUntil);

public sealed record WebhookEndpointRow(int Id, string Url, IReadOnlyList<string> Events, DateTime CreatedAt,
    DateTime? SecretRotatedAt, DateTime? PreviousSecretExpiresAt, int Pending, int Failed, DateTime? LastDeliveredAt);

public sealed record WebhookAttemptRow(int Number, DateTime At, int DurationMs, int? StatusCode, string? Error, bool Succeeded);

public sealed record WebhookDeliveryRow(Guid Id, Guid EventId, string Type, WebhookDeliveryStatus Status, int Attempts, DateTime CreatedAt,
    DateTime? NextAttemptAt, DateTime? DeliveredAt, string Body, IReadOnlyList<WebhookAttemptRow> AttemptLog);

/// <summary>A partner admin (page) or a key with <c>webhooks:manage</c> (API) registers an endpoint; audited.</summary>
public sealed class CreateWebhookEndpoint(IAppDb db, UnitOfWork unit, AuditLog audit, TimeProvider clock, IWebhookSecretProtector protector, IOptions<WebhookOptions> options)
{
    public async Task<Result<CreatedWebhook>> ExecuteAsync(string userId, int partnerId, WebhookRequest request, CancellationToken ct)
    {
        var allowLocal = options.Value.LocalAddressesAllowed;
        var url = WebhookAddresses.ParseUrl(request.Url, allowLocal);
        var problems = new List<Error>();
        if (!url.IsSuccess)
        {
            problems.Add(url.Error!);
        }
        else if (await WebhookAddresses.CheckResolvedAsync(url.Value!, allowLocal, ct) is { } refused)
        {
            problems.Add(refused);
        }

        if (request.Events.Count == 0)
        {
            problems.Add(WebhookErrors.NoEvents);
        }
        else if (request.Events.Any(e => !WebhookEventTypes.All.Contains(e)))
        {
            problems.Add(WebhookErrors.UnknownEvent);
        }

        if (problems.Count > 0)
        {
            return Error.AllOf(problems);
        }

        var now = clock.UtcNow();
        return await unit.RunAsync<CreatedWebhook>(async innerCt =>
        {
            var (endpoint, secret) = WebhookEndpoint.Create(partnerId, url.Value!, request.Events, userId, now, protector);
            db.WebhookEndpoints.Add(endpoint);
            await db.SaveChangesAsync(innerCt);
            audit.Record(userId, partnerId, "WebhookCreated", nameof(WebhookEndpoint), Id(endpoint), after: new { endpoint.Url, endpoint.Events });
            return new CreatedWebhook(endpoint.Id, endpoint.Url, endpoint.EventList, endpoint.CreatedAt, secret);
        }, ct);
    }

    internal static string Id(WebhookEndpoint endpoint) => endpoint.Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A new signing secret; the previous one keeps signing for the overlap period; audited.</summary>
public sealed class RotateWebhookSecret(IAppDb db, UnitOfWork unit, AuditLog audit, TimeProvider clock, IWebhookSecretProtector protector, IOptions<WebhookOptions> options)
{
    public async Task<Result<RotatedWebhookSecret>> ExecuteAsync(string userId, int partnerId, int id, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(w => w.Id == id && w.PartnerId == partnerId && w.DeletedAt == null, ct);
        if (endpoint is null)
        {
            return WebhookErrors.EndpointNotFound;
        }

        var rotated = endpoint.RotateSecret(clock.UtcNow(), options.Value.RotationOverlap, protector);
        if (!rotated.IsSuccess)
        {
            return rotated.Error!;
        }

        audit.Record(userId, partnerId, "WebhookSecretRotated", nameof(WebhookEndpoint), CreateWebhookEndpoint.Id(endpoint),
            after: new { endpoint.Url, endpoint.PreviousSecretExpiresAt });
        return await unit.SaveAsync(new RotatedWebhookSecret(endpoint.Id, endpoint.Url, rotated.Value!, endpoint.PreviousSecretExpiresAt!.Value), ct);
    }
}

/// <summary>Deletes an endpoint: nothing more is sent to it (its pending deliveries are cancelled); its log is kept; audited.</summary>
public sealed class DeleteWebhookEndpoint(IAppDb db, UnitOfWork unit, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<WebhookEndpoint>> ExecuteAsync(string userId, int partnerId, int id, CancellationToken ct) =>
        await unit.RunAsync<WebhookEndpoint>(async innerCt =>
        {
            var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(w => w.Id == id && w.PartnerId == partnerId, innerCt);
            if (endpoint is null)
            {
                return WebhookErrors.EndpointNotFound;
            }

            var deleted = endpoint.Delete(userId, clock.UtcNow());
            if (!deleted.IsSuccess)
            {
                return deleted.Error!;
            }

            foreach (var pending in await db.WebhookDeliveries.Where(d => d.EndpointId == id && d.Status == WebhookDeliveryStatus.Pending).ToListAsync(innerCt))
            {
                pending.Cancel("The endpoint was deleted.");
            }

            audit.Record(userId, partnerId, "WebhookDeleted", nameof(WebhookEndpoint), CreateWebhookEndpoint.Id(endpoint),
                new { endpoint.Url, endpoint.Events, Deleted = false }, new { endpoint.Url, endpoint.Events, Deleted = true });
            return endpoint;
        }, ct);
}

/// <summary><b>Redeliver</b>: the same event (same body and id) again, as a new delivery with its own attempts.</summary>
public sealed class RedeliverWebhook(IAppDb db, UnitOfWork unit, TimeProvider clock)
{
    public async Task<Result<WebhookDelivery>> ExecuteAsync(int partnerId, Guid deliveryId, CancellationToken ct)
    {
        var original = await db.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliveryId && d.PartnerId == partnerId, ct);
        if (original is null || !await db.WebhookEndpoints.AnyAsync(w => w.Id == original.EndpointId && w.DeletedAt == null, ct))
        {
            return WebhookErrors.DeliveryNotFound;
        }

        var again = original.Again(clock.UtcNow());
        db.WebhookDeliveries.Add(again);
        return await unit.SaveAsync(again, ct);
    }
}

/// <summary><b>Send test event</b>: a <c>webhook.test</c> event to one endpoint, whatever it subscribed to.</summary>
public sealed class SendTestWebhook(IAppDb db, UnitOfWork unit, TimeProvider clock)
{
    public async Task<Result<WebhookDelivery>> ExecuteAsync(int partnerId, int id, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id && w.PartnerId == partnerId && w.DeletedAt == null, ct);
        if (endpoint is null)
        {
            return WebhookErrors.EndpointNotFound;
        }

        var now = clock.UtcNow();
        var test = WebhookEvent.New(WebhookEventTypes.Test, now, partnerId, endpoint.Id, $"{WebhookEvents.ApiPrefix}/webhooks/{endpoint.Id}");
        var delivery = WebhookDelivery.For(endpoint, test, now);
        db.WebhookDeliveries.Add(delivery);
        return await unit.SaveAsync(delivery, ct);
    }
}

public sealed class WebhookQueries(IAppDb db)
{
    /// <summary>How many deliveries of an endpoint its log shows (newest first).</summary>
    public const int LogSize = 50;

    public async Task<List<WebhookEndpointRow>> ListAsync(int partnerId, CancellationToken ct)
    {
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(w => w.PartnerId == partnerId && w.DeletedAt == null)
            .OrderByDescending(w => w.Id).ToListAsync(ct);
        var ids = endpoints.Select(e => e.Id).ToList();
        var counts = await db.WebhookDeliveries.AsNoTracking().Where(d => ids.Contains(d.EndpointId))
            .GroupBy(d => d.EndpointId)
            .Select(g => new
            {
                g.Key,
                Pending = g.Count(d => d.Status == WebhookDeliveryStatus.Pending),
                Failed = g.Count(d => d.Status == WebhookDeliveryStatus.Failed),
                Last = g.Max(d => d.DeliveredAt),
            })
            .ToDictionaryAsync(c => c.Key, ct);
        return endpoints.Select(e =>
        {
            var c = counts.GetValueOrDefault(e.Id);
            return new WebhookEndpointRow(e.Id, e.Url, e.EventList, e.CreatedAt, e.SecretRotatedAt, e.PreviousSecretExpiresAt,
                c?.Pending ?? 0, c?.Failed ?? 0, c?.Last);
        }).ToList();
    }

    public async Task<Result<WebhookEndpointRow>> EndpointAsync(int partnerId, int id, CancellationToken ct) =>
        (await ListAsync(partnerId, ct)).FirstOrDefault(e => e.Id == id) is { } row ? row : WebhookErrors.EndpointNotFound;

    /// <summary>An endpoint's latest deliveries, each with every attempt.</summary>
    public async Task<List<WebhookDeliveryRow>> DeliveriesAsync(int partnerId, int endpointId, CancellationToken ct)
    {
        var deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId && d.PartnerId == partnerId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(LogSize).ToListAsync(ct);
        var ids = deliveries.Select(d => d.Id).ToList();
        var attempts = (await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(ct))
            .ToLookup(a => a.DeliveryId);
        return deliveries.Select(d => new WebhookDeliveryRow(d.Id, d.EventId, d.Type, d.Status, d.Attempts, d.CreatedAt,
            d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null, d.DeliveredAt, d.Body,
            attempts[d.Id].OrderBy(a => a.Number).Select(a => new WebhookAttemptRow(a.Number, a.At, a.DurationMs, a.StatusCode, a.Error, a.Succeeded)).ToList()))
            .ToList();
    }
}
