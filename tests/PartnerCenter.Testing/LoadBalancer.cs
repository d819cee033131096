using System.Net;

namespace PartnerCenter.Testing;

/// <summary>
/// A round-robin load balancer in front of several <see cref="AppProcess"/> instances, no sticky
/// sessions: each request goes to the next live instance, with one cookie jar for all (cookies are
/// host-only on 127.0.0.1, so every instance gets them). An instance that was killed is skipped, as a
/// balancer's health check would; replace it in <see cref="Instances"/> once restarted.
/// </summary>
public sealed class LoadBalancer(IEnumerable<AppProcess> instances)
{
    private int next = -1;

    public List<AppProcess> Instances { get; } = [.. instances];

    /// <summary>Which instance served each request, by index in <see cref="Instances"/>, in order.</summary>
    public List<int> Served { get; } = [];

    /// <summary>A browser-like client whose requests are spread over the instances.</summary>
    public PartnerCenterClient Client(CookieContainer? cookies = null)
    {
        cookies ??= new CookieContainer();
#pragma warning disable CA2000 // The client owns the HttpClient (and it its handlers) and disposes them.
        var handler = new RoundRobin(this) { InnerHandler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false, UseCookies = true } };
        return new PartnerCenterClient(new HttpClient(handler) { BaseAddress = Instances[0].BaseAddress, Timeout = TimeSpan.FromSeconds(60) }, cookies);
#pragma warning restore CA2000
    }

    private Uri Pick()
    {
        lock (Served)
        {
            for (var tries = 0; tries < Instances.Count; tries++)
            {
                next = (next + 1) % Instances.Count;
                if (!Instances[next].HasExited)
                {
                    Served.Add(next);
                    return Instances[next].BaseAddress;
                }
            }
        }

        throw new InvalidOperationException("No live instance behind the balancer.");
    }

    private sealed class RoundRobin(LoadBalancer balancer) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var target = balancer.Pick();
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
