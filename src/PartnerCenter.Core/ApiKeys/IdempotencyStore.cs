using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.ApiKeys;

/// <summary>What to do with a POST that carries an Idempotency-Key.</summary>
public abstract record IdempotencyStart
{
    /// <summary>First time: run the request, then <see cref="IdempotencyStore.CompleteAsync"/> or <see cref="IdempotencyStore.AbandonAsync"/>.</summary>
    public sealed record Run(long RecordId) : IdempotencyStart;

    /// <summary>Done before with the same body: answer the stored response.</summary>
    public sealed record Replay(IdempotencyRecord Record) : IdempotencyStart;

    /// <summary>Refused: the key was used with another body, or its first request is still running.</summary>
    public sealed record Refuse(Error Error) : IdempotencyStart;
}

/// <summary>The idempotency rule of the Partner API, kept in the database so every instance sees it.</summary>
public sealed class IdempotencyStore(IAppDb db, TimeProvider clock)
{
    public static readonly Error KeyReused = new("idempotency_key_reused",
        "This Idempotency-Key was already used with a different request. Use a new key for a new request.");
    public static readonly Error InProgress = Error.Conflict("idempotency_in_progress",
        "A request with this Idempotency-Key is still being processed. Retry in a moment.");
    public static readonly Error InvalidKey = Error.InField("Idempotency-Key", "idempotency_key_invalid",
        $"The Idempotency-Key header must have 1 to {IdempotencyRecord.KeyMaxLength} printable characters.");

    public static bool IsValidKey(string key) =>
        key.Length is > 0 and <= IdempotencyRecord.KeyMaxLength && key.All(c => c is > ' ' and < (char)127);

    public async Task<IdempotencyStart> BeginAsync(int apiKeyId, string key, byte[] requestHash, CancellationToken ct)
    {
        if (!IsValidKey(key))
        {
            return new IdempotencyStart.Refuse(InvalidKey);
        }

        var now = clock.UtcNow();

        // An expired record no longer protects anything: the key may start afresh.
        await db.IdempotencyRecords.Where(r => r.ApiKeyId == apiKeyId && r.Key == key && r.CreatedAt < now - IdempotencyRecord.Retention)
            .ExecuteDeleteAsync(ct);
        var record = new IdempotencyRecord { ApiKeyId = apiKeyId, Key = key, RequestHash = requestHash, CreatedAt = now };
        db.IdempotencyRecords.Add(record);
        try
        {
            // The unique index on (ApiKeyId, Key) decides which of two concurrent duplicates runs.
            await db.SaveChangesAsync(ct);
            return new IdempotencyStart.Run(record.Id);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }

        var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.ApiKeyId == apiKeyId && r.Key == key, ct);
        if (existing is null)
        {
            // The first request failed and let go of the key in the meantime.
            return new IdempotencyStart.Refuse(InProgress);
        }

        if (!existing.RequestHash.AsSpan().SequenceEqual(requestHash))
        {
            return new IdempotencyStart.Refuse(KeyReused);
        }

        return existing.StatusCode is null ? new IdempotencyStart.Refuse(InProgress) : new IdempotencyStart.Replay(existing);
    }

    public Task CompleteAsync(long recordId, int statusCode, string? contentType, string body, string? location, CancellationToken ct) =>
        db.IdempotencyRecords.Where(r => r.Id == recordId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.StatusCode, statusCode)
            .SetProperty(r => r.ContentType, contentType)
            .SetProperty(r => r.ResponseBody, body)
            .SetProperty(r => r.Location, location), ct);

    /// <summary>The request failed unexpectedly (nothing was answered): a retry with the key runs it again.</summary>
    public Task AbandonAsync(long recordId, CancellationToken ct) =>
        db.IdempotencyRecords.Where(r => r.Id == recordId).ExecuteDeleteAsync(ct);
}
