using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Mail;

namespace PartnerCenter.Web.Features.Outbox;

public sealed class OutboxHealthOptions
{
    public const string Section = "Outbox";

    /// <summary>Readiness reports Degraded once the oldest pending email has waited longer than this.</summary>
    public TimeSpan DegradedAfter { get; set; } = TimeSpan.FromMinutes(15);
}

public static class OutboxFeature
{
    /// <summary>The Outbox page (platform administrator) and the readiness check on the oldest pending email.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutboxHealthOptions>(configuration.GetSection(OutboxHealthOptions.Section));
        services.AddHealthChecks().AddCheck<OutboxHealthCheck>("outbox", tags: ["ready"]);
        return services.AddUseCases(typeof(OutboxQueries), typeof(RetryOutboxMessage));
    }
}

/// <summary>Degraded (still 200: the portal works, mail is late) when the oldest pending email is older than <see cref="OutboxHealthOptions.DegradedAfter"/>.</summary>
public sealed class OutboxHealthCheck(OutboxQueries queries, IOptions<OutboxHealthOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var oldest = await queries.OldestPendingAsync(cancellationToken);
        if (oldest is null)
        {
            return HealthCheckResult.Healthy("No email is waiting.");
        }

        var age = clock.UtcNow() - oldest.Value;
        return age > options.Value.DegradedAfter
            ? HealthCheckResult.Degraded($"The oldest pending email has waited {age.TotalMinutes:0} minutes.")
            : HealthCheckResult.Healthy();
    }
}
