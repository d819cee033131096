using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Web.Operations;

public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Whether <c>/metrics</c> exists at all (off by default: it answers 404).</summary>
    public bool Enabled { get; set; }

    /// <summary>When set, <c>/metrics</c> answers only requests carrying <c>Authorization: Bearer</c> this value (else 401).</summary>
    public string? ScrapeToken { get; set; }
}

/// <summary>
/// Metrics, traces and logs, all through OpenTelemetry and Microsoft.Extensions.Logging (README, "Operations"):
/// Prometheus text on <c>/metrics</c> when <c>Metrics:Enabled</c>; OTLP traces when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; JSON console logs outside Development, each line with its trace id.
/// </summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";

    /// <summary>The standard OpenTelemetry variable; traces are exported only when it is set.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    // Keeps a trace id on every request (logs and error pages show it) even when no exporter listens;
    // "propagation only" records nothing, so it costs next to nothing.
    private static readonly ActivityListener RequestIds = new()
    {
        ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
    };

    public static WebApplicationBuilder AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        ActivitySource.AddActivityListener(RequestIds);
        AddLogs(builder);

        var metrics = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        var tracing = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        builder.Services.Configure<MetricsOptions>(builder.Configuration.GetSection(MetricsOptions.Section));
        var otel = builder.Services.AddOpenTelemetry();
        if (metrics.Enabled)
        {
            otel.WithMetrics(m => m.AddPortalInstruments().AddPrometheusExporter());
        }

        if (tracing)
        {
            // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (and the other OTEL_* variables) itself.
            otel.WithTracing(t => t.AddPortalSources().AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>What the portal measures: requests (duration by route), outgoing HTTP, the runtime, and its own meter.</summary>
    public static MeterProviderBuilder AddPortalInstruments(this MeterProviderBuilder metrics) =>
        metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddMeter(PortalMetrics.Name);

    /// <summary>What a trace covers: the request, its EF Core commands (no parameter values), outgoing HTTP, and the portal's spans (SMTP send).</summary>
    public static TracerProviderBuilder AddPortalSources(this TracerProviderBuilder tracing) =>
        tracing.AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase))
            .AddHttpClientInstrumentation()
            .AddEntityFrameworkCoreInstrumentation()
            .AddSource(PortalMetrics.Name);

    /// <summary>Maps <c>/metrics</c> when <c>Metrics:Enabled</c>; with a scrape token, only a matching bearer token gets through.</summary>
    public static void MapPortalMetrics(this WebApplication app)
    {
        var options = app.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        if (!options.Enabled)
        {
            return;
        }

        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            if (!string.IsNullOrEmpty(options.ScrapeToken) && !Authorized(context.Request.Headers.Authorization.ToString(), options.ScrapeToken))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return;
            }

            await next(context);
        }), optionsName: null);
    }

    /// <summary>Constant-time comparison of the presented bearer token with the configured one.</summary>
    internal static bool Authorized(string header, string token)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim())), SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    private static void AddLogs(WebApplicationBuilder builder)
    {
        var logging = builder.Logging;
        logging.ClearProviders();
        logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        // The hosting layer's request scope carries the request path, and the invitation landing's path is the
        // token: with that category off there is no such scope (the trace id scope above replaces it).
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        if (builder.Environment.IsDevelopment())
        {
            logging.AddSimpleConsole(o =>
            {
                o.IncludeScopes = true;
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }
        else
        {
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
    }
}
