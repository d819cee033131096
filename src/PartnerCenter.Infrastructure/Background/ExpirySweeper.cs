using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Infrastructure.Background;

public sealed class SweepOptions
{
    public const string Section = "Sweeps";

    /// <summary>How often lapsed preregistrations are marked Expired.</summary>
    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often accounts frozen automatically last month are unfrozen at their Monthly reset.</summary>
    public TimeSpan BudgetResetInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often claims lapsing soon are checked for a reminder that is due.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often overdue reviews are checked for the daily digest and for escalation.</summary>
    public TimeSpan EscalationInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Marks lapsed preregistrations Expired in the background; safe to run on several instances.</summary>
public sealed partial class ExpirySweeper(IServiceScopeFactory scopes, IOptions<SweepOptions> options, TimeProvider clock, ILogger<ExpirySweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiryInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                int expired;
                do
                {
                    expired = await scope.ServiceProvider.GetRequiredService<ExpirePreregistrations>().ExecuteAsync(stoppingToken);
                    if (expired > 0)
                    {
                        LogExpired(expired);
                    }
                }
                while (expired == ExpirePreregistrations.BatchSize);

                LogRound();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Marked {Count} preregistrations Expired")]
    private partial void LogExpired(int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Expiry sweep round finished")]
    private partial void LogRound();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expiry sweep failed; it will run again")]
    private partial void LogFailed(Exception ex);
}
