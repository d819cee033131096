using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Infrastructure.Background;

/// <summary>
/// Sends the reminders before claims lapse (<see cref="SendClaimReminders"/>); runs on <see cref="TimeProvider"/>,
/// safe on several instances (each reminder once, by a unique key).
/// </summary>
public sealed partial class ClaimReminderSweeper(IServiceScopeFactory scopes, IOptions<SweepOptions> options, TimeProvider clock, ILogger<ClaimReminderSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first round waits one interval: a reminder is never urgent to the minute, and a starting
        // instance does not mail the moment it comes up.
        using var timer = new PeriodicTimer(options.Value.ReminderInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<SendClaimReminders>().ExecuteAsync(stoppingToken);
                if (sent > 0)
                {
                    LogSent(sent);
                }

                LogRound();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued reminders for {Count} lapsing preregistrations")]
    private partial void LogSent(int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reminder sweep round finished")]
    private partial void LogRound();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder sweep failed; it will run again")]
    private partial void LogFailed(Exception ex);
}
