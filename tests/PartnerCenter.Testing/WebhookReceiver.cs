using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace PartnerCenter.Testing;

/// <summary>
/// A partner's webhook receiver: real Kestrel on 127.0.0.1 (a port the OS picks) that records every POST
/// and checks its X-PartnerCenter-Signature the way the README tells partners to, independently of the
/// app's code. It can answer 500 a number of times first (<see cref="FailNext"/>).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();
    private int failuresLeft;

    private WebhookReceiver(WebApplication app)
    {
        this.app = app;
    }

    /// <summary>The URL to register, e.g. http://127.0.0.1:41234/hooks.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The secrets a signature may be made with (set after registering: the API or page shows it once).</summary>
    public ConcurrentBag<string> Secrets { get; } = [];

    /// <summary>Every POST, in arrival order, including the ones answered 500.</summary>
    public IReadOnlyList<ReceivedWebhook> Received => [.. received];

    /// <summary>The next <paramref name="times"/> POSTs are answered 500.</summary>
    public void FailNext(int times) => Interlocked.Exchange(ref failuresLeft, times);

    public static async Task<WebhookReceiver> StartAsync()
    {
        // An empty builder: no configuration files, so no file watchers (inotify instances are few on a shared machine).
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks", (Delegate)receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver.Url = address.TrimEnd('/') + "/hooks";
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var header = http.Request.Headers["X-PartnerCenter-Signature"].ToString();
        var fail = Interlocked.Decrement(ref failuresLeft) >= 0;
        received.Enqueue(new ReceivedWebhook(body, header, Verify(header, body, [.. Secrets]), fail ? 500 : 200));
        return fail ? Results.StatusCode(500) : Results.Ok();
    }

    /// <summary>The README's recipe: split "t=...,v1=...,v1=...", HMAC-SHA256 "t.body" with the secret, compare in constant time.</summary>
    public static bool Verify(string header, string body, IReadOnlyCollection<string> secrets)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToList();
        var t = parts.FirstOrDefault(p => p[0] == "t")?[1];
        if (t is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        var signatures = parts.Where(p => p[0] == "v1").Select(p => p[1]).ToList();
        return secrets.Any(secret =>
        {
            var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body)));
            return signatures.Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), Encoding.ASCII.GetBytes(expected)));
        });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <param name="Verified">Whether a v1 signature in the header matches one of the receiver's secrets.</param>
/// <param name="AnsweredWith">The status the receiver answered.</param>
public sealed record ReceivedWebhook(string Body, string SignatureHeader, bool Verified, int AnsweredWith)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Type => Json.GetProperty("type").GetString() ?? "";

    public int SignatureCount => SignatureHeader.Split(',').Count(p => p.StartsWith("v1=", StringComparison.Ordinal));
}
