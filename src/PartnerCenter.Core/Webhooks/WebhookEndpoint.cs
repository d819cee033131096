using System.Security.Cryptography;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Webhooks;

/// <summary>The events a partner can subscribe to, exactly as partners read them (issue 16).</summary>
public static class WebhookEventTypes
{
    public const string PreregistrationCreated = "preregistration.created";
    public const string PreregistrationApproved = "preregistration.approved";
    public const string PreregistrationRejected = "preregistration.rejected";
    public const string PreregistrationExpired = "preregistration.expired";
    public const string InvitationSent = "invitation.sent";
    public const string InvitationFailed = "invitation.failed";
    public const string InvitationOpened = "invitation.opened";
    public const string CustomerAssociated = "customer.associated";
    public const string AssociationFailed = "association.failed";
    public const string CustomerFrozen = "customer.frozen";
    public const string CustomerUnfrozen = "customer.unfrozen";

    /// <summary>What <b>Send test event</b> delivers: to the one endpoint, whatever it subscribed to.</summary>
    public const string Test = "webhook.test";

    public static readonly IReadOnlyList<string> All =
    [
        PreregistrationCreated, PreregistrationApproved, PreregistrationRejected, PreregistrationExpired,
        InvitationSent, InvitationFailed, InvitationOpened, CustomerAssociated, AssociationFailed, CustomerFrozen, CustomerUnfrozen,
    ];
}

/// <summary>
/// A partner's HTTPS endpoint that receives the events it subscribed to (docs/domain.md, "Webhooks").
/// The signing secret is kept protected by Data Protection (it must be read back to sign), shown once
/// when created or rotated, and never logged. During a rotation's overlap the previous secret signs too.
/// </summary>
public class WebhookEndpoint
{
    public const int UrlMaxLength = 2048;
    public const string SecretPrefix = "whsec_";

    /// <summary>How long the previous secret keeps signing after a rotation, unless configured otherwise.</summary>
    public static readonly TimeSpan DefaultRotationOverlap = TimeSpan.FromHours(24);

    private WebhookEndpoint()
    {
    }

    public int Id { get; private set; }
    public int PartnerId { get; private set; }
    public string Url { get; private set; } = "";

    /// <summary>Space-separated event types from <see cref="WebhookEventTypes.All"/>.</summary>
    public string Events { get; private set; } = "";

    /// <summary>The signing secret, protected (encrypted and authenticated) with the app's Data Protection keys.</summary>
    public string ProtectedSecret { get; private set; } = "";
    public string? PreviousProtectedSecret { get; private set; }
    public DateTime? PreviousSecretExpiresAt { get; private set; }

    public string CreatedByUserId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? SecretRotatedAt { get; private set; }
    public DateTime? DeletedAt { get; private set; }
    public string? DeletedByUserId { get; private set; }

    public int Version { get; private set; }

    public bool IsActive => DeletedAt is null;

    public IReadOnlyList<string> EventList => Events.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool Wants(string type) => EventList.Contains(type, StringComparer.Ordinal);

    /// <summary>A new endpoint and its secret (returned once; only its protected form is kept).</summary>
    public static (WebhookEndpoint Endpoint, string Secret) Create(
        int partnerId, Uri url, IEnumerable<string> events, string userId, DateTime now, IWebhookSecretProtector protector)
    {
        var secret = NewSecret();
        var endpoint = new WebhookEndpoint
        {
            PartnerId = partnerId,
            Url = url.AbsoluteUri,
            Events = string.Join(' ', WebhookEventTypes.All.Where(events.Contains)),
            ProtectedSecret = protector.Protect(secret),
            CreatedByUserId = userId,
            CreatedAt = now,
        };
        return (endpoint, secret);
    }

    /// <summary>A new secret; the old one keeps signing (as a second <c>v1=</c>) until <paramref name="now"/> + <paramref name="overlap"/>.</summary>
    public Result<string> RotateSecret(DateTime now, TimeSpan overlap, IWebhookSecretProtector protector)
    {
        if (!IsActive)
        {
            return Error.NotFound("Webhook endpoint");
        }

        var secret = NewSecret();
        PreviousProtectedSecret = ProtectedSecret;
        PreviousSecretExpiresAt = now + overlap;
        ProtectedSecret = protector.Protect(secret);
        SecretRotatedAt = now;
        Version++;
        return secret;
    }

    public Result<WebhookEndpoint> Delete(string userId, DateTime now)
    {
        if (!IsActive)
        {
            return Error.NotFound("Webhook endpoint");
        }

        DeletedAt = now;
        DeletedByUserId = userId;
        Version++;
        return this;
    }

    /// <summary>The secrets that sign a delivery at <paramref name="now"/>: the current one, then the previous one while its overlap lasts.</summary>
    public IReadOnlyList<string> SigningSecretsAt(DateTime now, IWebhookSecretProtector protector)
    {
        var secrets = new List<string>();
        if (protector.Unprotect(ProtectedSecret) is { } current)
        {
            secrets.Add(current);
        }

        if (PreviousProtectedSecret is not null && PreviousSecretExpiresAt > now && protector.Unprotect(PreviousProtectedSecret) is { } previous)
        {
            secrets.Add(previous);
        }

        return secrets;
    }

    public bool IsRotatingAt(DateTime now) => PreviousProtectedSecret is not null && PreviousSecretExpiresAt > now;

    private static string NewSecret() =>
        SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Reversible protection of webhook secrets (Data Protection, its own purpose; keys shared by every instance).</summary>
public interface IWebhookSecretProtector
{
    string Protect(string secret);

    /// <summary>The secret, or null when it cannot be read (tampered, or its key is gone).</summary>
    string? Unprotect(string protectedSecret);
}

public static class WebhookErrors
{
    public static readonly Error InvalidUrl = Error.InField("Url", "invalid_webhook_url",
        "Enter an HTTPS URL of at most 2048 characters, such as https://crm.example.com/hooks/partner-center.");
    public static readonly Error AddressRefused = Error.InField("Url", "webhook_address_refused",
        "This URL points to a private, link-local or loopback address. Webhooks are delivered only to public addresses.");
    public static readonly Error NoEvents = Error.InField("Events", "invalid_events", "Choose at least one event.");
    public static readonly Error UnknownEvent = Error.InField("Events", "unknown_event",
        new Phrase("Choose events from: {0}.", string.Join(", ", WebhookEventTypes.All)));
    public static readonly Error DeliveryNotFound = Error.NotFound("Delivery");
    public static readonly Error EndpointNotFound = Error.NotFound("Webhook endpoint");
}
