using System.Globalization;
using Microsoft.Data.Sqlite;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

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
        var (holder, release) = await HoldAWriteAsync(holderScope);

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
    public async Task A_refused_preregistration_is_answered_while_another_write_holds_the_lock()
    {
        await using var app = new TestApp();
        var now = app.Now;
        var held = await app.WithDbAsync(db => db.Preregistrations.AsNoTracking()
            .Where(Preregistration.OpenAt(now)).Where(p => p.Status == PreregistrationStatus.Preregistered)
            .Join(db.Users, p => p.PartnerId, u => u.PartnerId, (p, u) => new { p.PartnerId, p.CustomerEmail, UserId = u.Id })
            .FirstAsync());
        await using var holderScope = app.Services.CreateAsyncScope();
        await using var submitScope = app.Services.CreateAsyncScope();
        var (holder, release) = await HoldAWriteAsync(holderScope);

        // The partner submits its own open claim again: refused from a read, without waiting for the lock.
        var submission = submitScope.ServiceProvider.GetRequiredService<SubmitPreregistration>().ExecuteAsync(held.UserId, held.PartnerId,
            new PreregistrationRequest("Again Customer", held.CustomerEmail, "+4915123456701", SendInvitation: false, ConfirmReview: false),
            CancellationToken.None);
        var first = await Task.WhenAny(submission, Task.Delay(TimeSpan.FromSeconds(20)));

        Assert.Same(submission, first);
        Assert.False(holder.IsCompleted);
        Assert.Equal(PreregistrationErrors.AlreadyPreregisteredByYou.Code, (await submission).Error!.Code);
        release.SetResult();
        await holder;
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

    /// <summary>Starts a unit of work that holds its transaction (and on SQLite the write turn) until released; returns once it is inside.</summary>
    private static async Task<(Task<Result<int>> Holder, TaskCompletionSource Release)> HoldAWriteAsync(AsyncServiceScope scope)
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = scope.ServiceProvider.GetRequiredService<UnitOfWork>().RunAsync<int>(async _ =>
        {
            entered.SetResult();
            await release.Task;
            return 1;
        }, CancellationToken.None);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (holder, release);
    }
}
