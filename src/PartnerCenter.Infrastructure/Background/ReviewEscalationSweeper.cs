using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.Reviews;

namespace PartnerCenter.Infrastructure.Background;

/// <summary>
/// Sends the ecosystem managers' daily digests of overdue reviews (<see cref="SendOverdueDigests"/>) and escalates reviews
/// one working day overdue (<see cref="EscalateOverdueReviews"/>); runs on <see cref="TimeProvider"/>, safe on several
/// instances (each digest and escalation once, by a unique key).
/// </summary>
public sealed partial class ReviewEscalationSweeper(IServiceScopeFactory scopes, IOptions<SweepOptions> options, TimeProvider clock, ILogger<ReviewEscalationSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first round waits one interval, as the reminders do: a starting instance does not mail the moment it comes up.
        using var timer = new PeriodicTimer(options.Value.EscalationInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var digests = await scope.ServiceProvider.GetRequiredService<SendOverdueDigests>().ExecuteAsync(stoppingToken);
                var escalated = await scope.ServiceProvider.GetRequiredService<EscalateOverdueReviews>().ExecuteAsync(stoppingToken);
                if (digests + escalated > 0)
                {
                    LogSent(digests, escalated);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Digests} overdue review digests and {Escalated} escalations")]
    private partial void LogSent(int digests, int escalated);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Review escalation sweep failed; it will run again")]
    private partial void LogFailed(Exception ex);
}
