using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Webhooks;
using PartnerCenter.Infrastructure.Data;

namespace PartnerCenter.Infrastructure.Webhooks;

/// <summary>
/// Posts webhook deliveries. Each round claims a batch of due deliveries with one atomic UPDATE that
/// stamps this instance's lease on them (as the email outbox does), so two instances on one database
/// never post the same delivery; before each post the lease is checked and extended. Every attempt is
/// written to the delivery log; failures back off exponentially until the delivery is too old.
/// </summary>
public sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes, IHttpClientFactory http, IOptions<WebhookOptions> options, TimeProvider clock, PortalMetrics metrics, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    public const string HttpClientName = "webhooks";

    private readonly string instance = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int handled;
            try
            {
                handled = await DispatchOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRoundFailed(ex);
                handled = 0;
            }

            if (handled == 0)
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>Claims and posts one batch; returns how many deliveries it attempted.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<IWebhookSecretProtector>();
        var settings = options.Value;
        var now = clock.UtcNow();
        var leaseUntil = now + settings.LeaseDuration;

        var due = db.WebhookDeliveries
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
            .OrderBy(d => d.NextAttemptAt)
            .Take(settings.BatchSize)
            .Select(d => d.Id);
        var claimed = await db.WebhookDeliveries
            .Where(d => due.Contains(d.Id) && d.Status == WebhookDeliveryStatus.Pending && (d.LeaseUntil == null || d.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseOwner, instance).SetProperty(d => d.LeaseUntil, leaseUntil), ct);
        if (claimed == 0)
        {
            return 0;
        }

        var batch = await db.WebhookDeliveries
            .Where(d => d.LeaseOwner == instance && d.LeaseUntil == leaseUntil && d.Status == WebhookDeliveryStatus.Pending)
            .OrderBy(d => d.NextAttemptAt)
            .ToListAsync(ct);
        var endpointIds = batch.Select(d => d.EndpointId).Distinct().ToList();
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(w => endpointIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        var attempted = 0;
        foreach (var delivery in batch)
        {
            // Still ours? Then extend the lease, so a slow batch is never taken over mid-way.
            var at = clock.UtcNow();
            var id = delivery.Id;
            if (await db.WebhookDeliveries
                    .Where(d => d.Id == id && d.LeaseOwner == instance && d.Status == WebhookDeliveryStatus.Pending && d.LeaseUntil > at)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, at + settings.LeaseDuration), ct) != 1)
            {
                continue;
            }

            var endpoint = endpoints[delivery.EndpointId];
            if (!endpoint.IsActive)
            {
                delivery.Cancel("The endpoint was deleted.");
            }
            else
            {
                var (status, error, duration) = await PostAsync(endpoint, delivery, protector, ct);
                db.WebhookAttempts.Add(delivery.Record(clock.UtcNow(), duration, status, error, settings));
                metrics.WebhookAttempt(delivery.Status);
                if (delivery.Status != WebhookDeliveryStatus.Delivered)
                {
                    LogAttemptFailed(delivery.Id, delivery.Attempts, status, delivery.Status == WebhookDeliveryStatus.Failed);
                }

                attempted++;
            }

            // Saved per delivery, so a crash mid-batch loses at most the outcome of the one in flight.
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return attempted;
    }

    private async Task<(int? Status, string? Error, TimeSpan Duration)> PostAsync(
        WebhookEndpoint endpoint, WebhookDelivery delivery, IWebhookSecretProtector protector, CancellationToken ct)
    {
        var settings = options.Value;
        var started = Stopwatch.GetTimestamp();
        var secrets = endpoint.SigningSecretsAt(clock.UtcNow(), protector);
        if (secrets.Count == 0)
        {
            return (null, "The signing secret cannot be read; rotate it.", TimeSpan.Zero);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header,
            WebhookSignature.HeaderValue(secrets, clock.GetUtcNow().ToUnixTimeSeconds(), delivery.Body));
        request.Headers.TryAddWithoutValidation("X-PartnerCenter-Event", delivery.Type);
        request.Headers.TryAddWithoutValidation("X-PartnerCenter-Delivery", delivery.Id.ToString());
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("PartnerCenter-Webhooks", "1.0"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var client = http.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return ((int)response.StatusCode, null, Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"No answer within {settings.Timeout.TotalSeconds:0.#} seconds.", Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException ex)
        {
            var cause = ex.InnerException is WebhookAddressRefusedException refused ? refused.Message : $"{ex.GetType().Name}: {ex.Message}";
            return (null, cause.Length > 1000 ? cause[..1000] : cause, Stopwatch.GetElapsedTime(started));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook round failed; retrying")]
    private partial void LogRoundFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {Id} attempt {Attempt} failed (status {Status}); gave up: {GaveUp}")]
    private partial void LogAttemptFailed(Guid id, int attempt, int? status, bool gaveUp);
}
