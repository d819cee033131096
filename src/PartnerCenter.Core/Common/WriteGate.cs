namespace PartnerCenter.Core.Common;

/// <summary>
/// One unit of work at a time in this process, for an engine with a single write lock (SQLite). Waiting here is
/// asynchronous and first come, first served; waiting on the engine's lock is not: Microsoft.Data.Sqlite answers a
/// busy database by blocking the thread for 150 ms and trying again, which made the tail latency of concurrent
/// writes. Other processes (a second instance on the same file) still meet at the engine's lock. On the server
/// engines, which lock rows, the gate lets everyone through.
/// </summary>
public sealed class WriteGate(bool serialize)
{
    private readonly SemaphoreSlim? gate = serialize ? new SemaphoreSlim(1, 1) : null;

    /// <summary>Waits for the gate; dispose the result to let the next writer in.</summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken ct)
    {
        if (gate is null)
        {
            return Open.Instance;
        }

        await gate.WaitAsync(ct);
        return new Held(gate);
    }

    private sealed class Open : IDisposable
    {
        public static readonly Open Instance = new();

        public void Dispose()
        {
        }
    }

    private sealed class Held(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
