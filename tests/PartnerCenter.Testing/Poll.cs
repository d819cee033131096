namespace PartnerCenter.Testing;

/// <summary>
/// The one way tests wait: poll a condition until it holds, bounded by a timeout. Never a fixed
/// sleep: a slow machine waits longer, a fast one does not wait at all.
/// </summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Waits until <paramref name="condition"/> is true; throws <see cref="TimeoutException"/> naming <paramref name="what"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? what = null,
        TimeSpan? interval = null, TimeSpan? maxInterval = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        var pause = interval ?? TimeSpan.FromMilliseconds(50);
        var longest = maxInterval ?? pause;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting until {what ?? "the condition held"}.");
            }

            await Task.Delay(pause);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, longest.Ticks));
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan? timeout = null, string? what = null) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what);

    /// <summary>Polls <paramref name="read"/> until its value satisfies <paramref name="done"/>, and returns that value.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null, string? what = null,
        TimeSpan? interval = null, TimeSpan? maxInterval = null)
    {
        T value = default!;
        await UntilAsync(async () => done(value = await read()), timeout, what, interval, maxInterval);
        return value;
    }
}
