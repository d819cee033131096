using System.Globalization;
using Microsoft.Data.Sqlite;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Web.Tests.Database;

/// <summary>
/// How writers wait for each other. On SQLite (one write lock for the whole file) units of work take turns through the
/// app's <see cref="WriteGate"/>: a writer waits without holding a thread, and a request aborted while it waits leaves at
/// once. Writes outside a unit, and a second instance, wait in SQLite itself (busy timeout) instead of Microsoft.Data.Sqlite's
/// 150 ms sleeps. On PostgreSQL, which locks rows, units run side by side.
/// </summary>
public sealed class WriteTurnTests
{
    [Theory, AllEngines]
    public async Task A_unit_of_work_waits_for_the_one_in_progress_on_SQLite_and_not_on_PostgreSQL(DatabaseEngine engine)
    {
        await using var app = new TestApp { Engine = engine, SeedDemoData = false };
        await using var holderScope = app.Services.CreateAsyncScope();
        await using var waiterScope = app.Services.CreateAsyncScope();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var holder = holderScope.ServiceProvider.GetRequiredService<UnitOfWork>().RunAsync<int>(async _ =>
        {
            entered.SetResult();
            await release.Task;
            return 1;
        }, CancellationToken.None);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The waiter's request is aborted after a moment: on SQLite it is still waiting for its turn then.
        using var aborted = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var waiterRan = false;
        var waiter = waiterScope.ServiceProvider.GetRequiredService<UnitOfWork>().RunAsync<int>(_ =>
        {
            waiterRan = true;
            return Task.FromResult<Result<int>>(2);
        }, aborted.Token);
        var first = await Task.WhenAny(waiter, Task.Delay(TimeSpan.FromSeconds(20)));

        Assert.Same(waiter, first);
        Assert.False(holder.IsCompleted);
        if (engine == DatabaseEngine.Sqlite)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
            Assert.False(waiterRan);
        }
        else
        {
            Assert.Equal(2, (await waiter).Value);
        }

        release.SetResult();
        Assert.Equal(1, (await holder).Value);

        // The turn passed on: the next unit runs.
        Assert.Equal(3, (await waiterScope.ServiceProvider.GetRequiredService<UnitOfWork>()
            .RunAsync<int>(_ => Task.FromResult<Result<int>>(3), CancellationToken.None)).Value);
    }

    [Fact]
    public async Task SQLite_connections_wait_for_a_busy_file_in_SQLite_for_the_command_timeout()
    {
        await using var app = new TestApp { SeedDemoData = false };

        var (busyTimeout, defaultTimeout) = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout";
            return (Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture), connection.DefaultTimeout);
        });

        Assert.Equal(defaultTimeout * 1000, busyTimeout);
        Assert.True(busyTimeout > 0);
    }
}
