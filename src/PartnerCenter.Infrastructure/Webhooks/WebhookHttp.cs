using System.Net;
using System.Net.Sockets;
using PartnerCenter.Core.Webhooks;

namespace PartnerCenter.Infrastructure.Webhooks;

/// <summary>The address a delivery would connect to is not allowed (<see cref="WebhookAddresses"/>).</summary>
public sealed class WebhookAddressRefusedException(string host)
    : Exception($"Refused: {host} resolves to a private, link-local or loopback address.");

/// <summary>
/// The handler every delivery goes through: it resolves the host itself, checks each address with
/// <see cref="WebhookAddresses.IsAllowed"/>, and connects only to an allowed one, so the address checked is
/// the address used (no DNS rebinding between check and connect). No proxy (it would connect for us)
/// and no redirects (a redirect could point inward).
/// </summary>
public static class WebhookHttp
{
    public static SocketsHttpHandler CreateHandler(Func<bool> allowLocal) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ConnectCallback = async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            var allowed = addresses.Where(a => WebhookAddresses.IsAllowed(a, allowLocal())).ToArray();
            if (allowed.Length == 0)
            {
                throw new WebhookAddressRefusedException(host);
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
