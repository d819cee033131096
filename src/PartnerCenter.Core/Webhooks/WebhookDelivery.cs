using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PartnerCenter.Core.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending = 1,
    /// <summary>The endpoint answered 2xx.</summary>
    Delivered = 2,
    /// <summary>Retried until <see cref="WebhookOptions.MaxAge"/> without a 2xx, or its endpoint was deleted.</summary>
    Failed = 3,
}

/// <summary>
/// One event for one endpoint: written in the same transaction as the change it reports, leased and
/// posted by the dispatcher, retried with exponential backoff until it is delivered or too old. The body
/// is fixed when the row is written, so a retry or a redelivery sends the same bytes with the same event id.
/// </summary>
public class WebhookDelivery
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int EndpointId { get; set; }
    public int PartnerId { get; set; }

    /// <summary>The event's id, in the body: the same for every endpoint and every redelivery, so receivers can deduplicate.</summary>
    public Guid EventId { get; set; }
    public required string Type { get; set; }
    public required string Body { get; set; }
    public WebhookDeliveryStatus Status { get; set; } = WebhookDeliveryStatus.Pending;
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }

    /// <summary>The dispatcher instance holding the delivery, until <see cref="LeaseUntil"/>.</summary>
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }

    /// <summary>A new delivery of an event to one endpoint, due now.</summary>
    public static WebhookDelivery For(WebhookEndpoint endpoint, WebhookEvent e, DateTime now) => new()
    {
        EndpointId = endpoint.Id,
        PartnerId = endpoint.PartnerId,
        EventId = e.Id,
        Type = e.Type,
        Body = e.Body(),
        CreatedAt = now,
        NextAttemptAt = now,
    };

    /// <summary>The same event again (the partner's <b>Redeliver</b>): same body and event id, a fresh retry window.</summary>
    public WebhookDelivery Again(DateTime now) => new()
    {
        EndpointId = EndpointId,
        PartnerId = PartnerId,
        EventId = EventId,
        Type = Type,
        Body = Body,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    /// <summary>Records one attempt's outcome: delivered on 2xx; else retried with exponential backoff until <see cref="WebhookOptions.MaxAge"/>, then failed.</summary>
    public WebhookAttempt Record(DateTime at, TimeSpan duration, int? statusCode, string? error, WebhookOptions options)
    {
        Attempts++;
        LeaseOwner = null;
        LeaseUntil = null;
        LastStatusCode = statusCode;
        var succeeded = statusCode is >= 200 and < 300;
        LastError = succeeded ? null : error ?? $"HTTP {statusCode}";
        if (succeeded)
        {
            Status = WebhookDeliveryStatus.Delivered;
            DeliveredAt = at;
        }
        else
        {
            var wait = options.RetryBaseDelay * Math.Pow(2, Math.Min(Attempts - 1, 30));
            var next = at + (wait > options.MaxRetryDelay ? options.MaxRetryDelay : wait);
            if (next - CreatedAt > options.MaxAge)
            {
                Status = WebhookDeliveryStatus.Failed;
            }
            else
            {
                NextAttemptAt = next;
            }
        }

        return new WebhookAttempt
        {
            DeliveryId = Id,
            EndpointId = EndpointId,
            Number = Attempts,
            At = at,
            DurationMs = (int)Math.Min(int.MaxValue, duration.TotalMilliseconds),
            StatusCode = statusCode,
            Error = LastError,
            Succeeded = succeeded,
        };
    }

    public void Cancel(string reason)
    {
        Status = WebhookDeliveryStatus.Failed;
        LastError = reason;
        LeaseOwner = null;
        LeaseUntil = null;
    }
}

/// <summary>One POST of a delivery, as the delivery log shows it.</summary>
public class WebhookAttempt
{
    public long Id { get; set; }
    public Guid DeliveryId { get; set; }
    public int EndpointId { get; set; }
    public int Number { get; set; }
    public DateTime At { get; set; }
    public int DurationMs { get; set; }

    /// <summary>The HTTP status the endpoint answered; null when no answer came (refused address, timeout, connection error).</summary>
    public int? StatusCode { get; set; }

    /// <summary>What went wrong, in short (never the secret or the body).</summary>
    public string? Error { get; set; }
    public bool Succeeded { get; set; }
}

/// <summary>An event as the receiver reads it: the thin body (<c>id</c>, <c>type</c>, <c>occurredAt</c>, <c>partnerId</c>, <c>data: {id, url}</c>).</summary>
public sealed record WebhookEvent(Guid Id, string Type, DateTime OccurredAt, int PartnerId, object ResourceId, string ResourceUrl)
{
    public static WebhookEvent New(string type, DateTime at, int partnerId, object resourceId, string resourceUrl) =>
        new(Guid.CreateVersion7(), type, at, partnerId, resourceId, resourceUrl);

    public string Body() => JsonSerializer.Serialize(new
    {
        id = Id,
        type = Type,
        occurredAt = OccurredAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        partnerId = PartnerId,
        data = new { id = ResourceId, url = ResourceUrl },
    });
}

/// <summary>
/// The <c>X-PartnerCenter-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "&lt;t&gt;.&lt;raw body&gt;"&gt;</c>,
/// one <c>v1=</c> per signing secret (two during a rotation's overlap). The key is the secret's UTF-8 bytes.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-PartnerCenter-Signature";

    public static string Compute(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body)));

    public static string HeaderValue(IEnumerable<string> secrets, long timestamp, string body) =>
        "t=" + timestamp.ToString(CultureInfo.InvariantCulture) + string.Concat(secrets.Select(s => ",v1=" + Compute(s, timestamp, body)));
}
