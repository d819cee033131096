using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.Customers;

namespace PartnerCenter.Infrastructure.Background;

/// <summary>
/// Unfreezes, at the Monthly reset, the accounts the system froze when their budget ran out; runs on
/// <see cref="TimeProvider"/>, safe on several instances (<see cref="ResetBudgets"/>).
/// </summary>
public sealed partial class BudgetResetSweeper(IServiceScopeFactory scopes, IOptions<SweepOptions> options, TimeProvider clock, ILogger<BudgetResetSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.BudgetResetInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var unfrozen = await scope.ServiceProvider.GetRequiredService<ResetBudgets>().ExecuteAsync(stoppingToken);
                if (unfrozen > 0)
                {
                    LogUnfrozen(unfrozen);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Unfroze {Count} accounts at their monthly budget reset")]
    private partial void LogUnfrozen(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Budget reset sweep failed; it will run again")]
    private partial void LogFailed(Exception ex);
}
