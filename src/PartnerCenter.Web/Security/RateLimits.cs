using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PartnerCenter.Web.Security;

/// <summary>The framework's rate limiter, per client address, on the pages attackers hammer.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Register = "register";
    public const string InvitationLanding = "invitation-landing";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                if (context.HttpContext.Request.Path.StartsWithSegments(Features.Api.ApiEndpoints.Prefix, StringComparison.OrdinalIgnoreCase))
                {
                    await Features.Api.ApiProblems.WriteAsync(context.HttpContext, Features.Api.ApiProblems.RateLimitedProblem(retryAfter));
                }
            };
            limiter.AddPolicy(SignIn, http => PerClient(http, options.Enabled, options.SignInPerMinute));
            limiter.AddPolicy(Register, http => PerClient(http, options.Enabled, options.RegisterPerMinute));
            limiter.AddPolicy(InvitationLanding, http => PerClient(http, options.Enabled, options.InvitationLandingPerMinute));
        });
    }

    private static RateLimitPartition<string> PerClient(HttpContext http, bool enabled, int perMinute) =>
        enabled
            ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("off");
}
