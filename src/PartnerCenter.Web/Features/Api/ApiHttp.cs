using System.Security.Cryptography;
using System.Text;
using PartnerCenter.Core.ApiKeys;

namespace PartnerCenter.Web.Features.Api;

/// <summary>
/// HTTP conventions of /api/v1 that wrap every endpoint: <c>Idempotency-Key</c> on POSTs (the rule is
/// Core's <see cref="IdempotencyStore"/>), and <c>ETag</c> / <c>If-None-Match</c> on reads. Runs after
/// authorization, so only a caller with a valid key and scope gets here.
/// </summary>
public static class ApiHttp
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>
    /// The API reference page (Scalar) configures itself with an inline script: only its pages get a
    /// policy that allows inline script; they show no partner data.
    /// </summary>
    public const string ReferencePagePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseApiHttpConventions(this IApplicationBuilder app) => app
        .UseWhen(http => http.Request.Path.StartsWithSegments(ApiFeature.ReferencePath, StringComparison.OrdinalIgnoreCase),
            reference => reference.Use((http, next) =>
            {
                http.Response.OnStarting(() =>
                {
                    http.Response.Headers.ContentSecurityPolicy = ReferencePagePolicy;
                    return Task.CompletedTask;
                });
                return next(http);
            }))
        .UseWhen(http => http.Request.Path.StartsWithSegments(ApiEndpoints.Prefix, StringComparison.OrdinalIgnoreCase) && http.User.HasClaim(c => c.Type == ApiKeyAuthenticationHandler.KeyIdClaim),
            api => api.Use(async (http, next) =>
            {
                if (HttpMethods.IsPost(http.Request.Method) && http.Request.Headers.ContainsKey(IdempotencyHeader))
                {
                    await IdempotentAsync(http, next);
                }
                else if (HttpMethods.IsGet(http.Request.Method))
                {
                    await WithETagAsync(http, next);
                }
                else
                {
                    await next(http);
                }
            }));

    private static async Task IdempotentAsync(HttpContext http, RequestDelegate next)
    {
        var ct = http.RequestAborted;
        http.Request.EnableBuffering();
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, ct);
        http.Request.Body.Position = 0;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}\n")
            .Concat(body.ToArray()).ToArray());

        var store = http.RequestServices.GetRequiredService<IdempotencyStore>();
        var start = await store.BeginAsync(http.User.ApiKeyId(), http.Request.Headers[IdempotencyHeader].ToString(), hash, ct);
        switch (start)
        {
            case IdempotencyStart.Refuse refuse:
                if (refuse.Error == IdempotencyStore.InProgress)
                {
                    http.Response.Headers.RetryAfter = "1";
                }

                await ApiProblems.WriteAsync(http, refuse.Error);
                return;
            case IdempotencyStart.Replay replay:
                http.Response.StatusCode = replay.Record.StatusCode!.Value;
                http.Response.Headers[ReplayedHeader] = "true";
                if (replay.Record.Location is { } location)
                {
                    http.Response.Headers.Location = location;
                }

                if (!string.IsNullOrEmpty(replay.Record.ResponseBody))
                {
                    http.Response.ContentType = replay.Record.ContentType;
                    await http.Response.WriteAsync(replay.Record.ResponseBody, ct);
                }

                return;
        }

        var run = (IdempotencyStart.Run)start;
        var (status, captured) = await CaptureAsync(http, next, async () => await store.AbandonAsync(run.RecordId, CancellationToken.None));
        if (status >= 500)
        {
            await store.AbandonAsync(run.RecordId, CancellationToken.None);
        }
        else
        {
            await store.CompleteAsync(run.RecordId, status, http.Response.ContentType, Encoding.UTF8.GetString(captured),
                http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, CancellationToken.None);
        }

        await http.Response.Body.WriteAsync(captured, ct);
    }

    private static async Task WithETagAsync(HttpContext http, RequestDelegate next)
    {
        var (status, captured) = await CaptureAsync(http, next, () => Task.CompletedTask);
        if (status == StatusCodes.Status200OK)
        {
            // An endpoint may set its own (a customer's row version, which If-Match checks); else a hash of the body.
            var etag = http.Response.Headers.ETag.ToString();
            if (etag.Length == 0)
            {
                etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(captured))[..32]}\"";
                http.Response.Headers.ETag = etag;
            }

            if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Select(t => t.Trim()).Contains(etag)))
            {
                http.Response.StatusCode = StatusCodes.Status304NotModified;
                http.Response.ContentLength = null;
                http.Response.Headers.ContentType = default;
                return;
            }
        }

        await http.Response.Body.WriteAsync(captured, http.RequestAborted);
    }

    /// <summary>Runs the endpoint into a buffer; the caller decides what reaches the client.</summary>
    private static async Task<(int Status, byte[] Body)> CaptureAsync(HttpContext http, RequestDelegate next, Func<Task> onException)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        catch
        {
            await onException();
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }

        return (http.Response.StatusCode, buffer.ToArray());
    }
}
