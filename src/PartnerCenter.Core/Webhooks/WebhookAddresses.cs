using System.Net;
using System.Net.Sockets;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Webhooks;

/// <summary>
/// The one home of where webhooks may go (SSRF guard). HTTPS only; HTTP only to a loopback host, and
/// private, link-local, loopback and other non-public addresses only, when local addresses are allowed
/// (<see cref="WebhookOptions.AllowLocalAddresses"/>: Development). Checked when an endpoint is
/// registered (its URL, and the addresses its host resolves to then) and again at every delivery on the
/// address actually connected to, after DNS resolution, so a name that later resolves inward is refused.
/// </summary>
public static class WebhookAddresses
{
    /// <summary>The URL's shape: absolute, HTTPS (HTTP to loopback when local addresses are allowed), no user info, an address that may be called.</summary>
    public static Result<Uri> ParseUrl(string? url, bool allowLocal)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Trim().Length > WebhookEndpoint.UrlMaxLength
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0 || uri.Host.Length == 0)
        {
            return WebhookErrors.InvalidUrl;
        }

        var literal = IPAddress.TryParse(uri.DnsSafeHost, out var ip) ? ip : null;
        if (literal is not null && !IsAllowed(literal, allowLocal))
        {
            return WebhookErrors.AddressRefused;
        }

        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            return WebhookErrors.InvalidUrl;
        }

        if (uri.IsLoopback && !allowLocal)
        {
            return WebhookErrors.AddressRefused;
        }

        return uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback ? uri : WebhookErrors.InvalidUrl;
    }

    /// <summary>Whether a delivery may connect to <paramref name="address"/>.</summary>
    public static bool IsAllowed(IPAddress address, bool allowLocal) => allowLocal || IsPublic(address);

    /// <summary>Not loopback, private, link-local, unique-local, shared (CGNAT), unspecified, multicast or broadcast.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127
                     || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                     || (b[0] == 169 && b[1] == 254)
                     || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                     || (b[0] == 192 && b[1] == 168)
                     || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                     || b[0] >= 224);
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                     || (b[0] & 0xFE) == 0xFC);
        }

        return false;
    }

    /// <summary>
    /// At registration: the addresses the host resolves to now must all be allowed. A name that does not
    /// resolve yet is accepted; every delivery checks again on the address it connects to.
    /// </summary>
    public static async Task<Error?> CheckResolvedAsync(Uri url, bool allowLocal, CancellationToken ct)
    {
        if (allowLocal || IPAddress.TryParse(url.DnsSafeHost, out _))
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            addresses = await Dns.GetHostAddressesAsync(url.DnsSafeHost, timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return null;
        }

        return addresses.All(IsPublic) ? null : WebhookErrors.AddressRefused;
    }
}

/// <summary>Settings of webhook delivery (section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>HTTP to loopback and private addresses; null: only in Development.</summary>
    public bool? AllowLocalAddresses { get; set; }

    public bool LocalAddressesAllowed => AllowLocalAddresses == true;

    /// <summary>How long after the event a delivery keeps being retried before it is marked failed.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The first retry's wait; each next one doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one POST may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 20;

    /// <summary>How long the previous secret keeps signing after a rotation.</summary>
    public TimeSpan RotationOverlap { get; set; } = WebhookEndpoint.DefaultRotationOverlap;
}
