using Microsoft.EntityFrameworkCore;

namespace PartnerCenter.Core.Common;

/// <summary>
/// The one place a use case's changes are saved: under the provider's execution strategy (so a
/// transient failure retries the whole unit, from a clean change tracker), in one transaction, with a
/// lost optimistic-concurrency race turned into a conflict error instead of an exception.
/// </summary>
/// <remarks>
/// A unit that returns a failure is rolled back: nothing it tracked is saved. An outcome that must be
/// kept although the user is refused (a failed association's History Records row) is returned as a
/// success value and turned into the error after the commit. Render emails before calling in; nothing
/// here calls back into the web layer.
/// </remarks>
public sealed class UnitOfWork(IAppDb db, WriteGate gate)
{
    public static readonly Error Changed = Error.Conflict("changed",
        "This record was changed a moment ago by someone else. Reload and try again.");

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction (on SQLite <c>BEGIN IMMEDIATE</c>: reads and writes are one step, one
    /// unit at a time through the <see cref="WriteGate"/>); saves and commits its success.
    /// </summary>
    public Task<Result<T>> RunAsync<T>(Func<CancellationToken, Task<Result<T>>> work, CancellationToken ct) => RunAsync(work, Changed, ct);

    public Task<Result<T>> RunAsync<T>(Func<CancellationToken, Task<Result<T>>> work, Error conflict, CancellationToken ct) =>
        RunAsync(work, _ => Task.FromResult(conflict), ct);

    /// <param name="conflict">Builds the conflict error after a lost race (it may read the record's state now).</param>
    public async Task<Result<T>> RunAsync<T>(
        Func<CancellationToken, Task<Result<T>>> work, Func<CancellationToken, Task<Error>> conflict, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async token =>
            {
                db.ChangeTracker.Clear();
                using var turn = await gate.EnterAsync(token);
                await using var tx = await db.Database.BeginTransactionAsync(token);
                var result = await work(token);
                if (result.IsSuccess)
                {
                    await db.SaveChangesAsync(token);
                    await tx.CommitAsync(token);
                }

                return result;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await conflict(ct);
        }
    }

    /// <summary>Saves what the caller tracked (one implicit transaction) and returns <paramref name="value"/>; a lost race becomes <paramref name="conflict"/>.</summary>
    public async Task<Result<T>> SaveAsync<T>(T value, CancellationToken ct, Error? conflict = null)
    {
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(db.SaveChangesAsync, ct);
            return value;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return conflict ?? Changed;
        }
    }

    /// <summary>
    /// The background jobs' "once, whichever instance gets there first": runs <paramref name="work"/> for each item in a
    /// unit of its own and adds up what each reports done. A unit that loses the race for a unique key (another
    /// instance recorded the same reminder, digest or escalation first) rolls back and counts nothing: it went out once,
    /// from there.
    /// </summary>
    public async Task<int> CountOnceEachAsync<TItem>(IEnumerable<TItem> items, Func<TItem, CancellationToken, Task<Result<int>>> work, CancellationToken ct)
    {
        var done = 0;
        foreach (var item in items)
        {
            try
            {
                var result = await RunAsync(innerCt => work(item, innerCt), ct);
                done += result.IsSuccess ? result.Value : 0;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }
        }

        return done;
    }
}
