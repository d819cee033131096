using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.ApiKeys;

public sealed record ApiKeyRequest(string? Name, IReadOnlyCollection<string> Scopes, DateTime? ExpiresAt);

/// <param name="Secret">The key itself: shown to the admin once, never stored.</param>
public sealed record CreatedApiKey(int Id, string Name, string Prefix, string Secret);

public sealed record ApiKeyRow(int Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTime CreatedAt,
    DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public bool IsActiveAt(DateTime now) => RevokedAt is null && (ExpiresAt is not { } at || at > now);
}

/// <summary>What an authenticated API request acts as.</summary>
/// <param name="ActorUserId">The admin who created the key: the actor of every audit row the key causes.</param>
public sealed record ApiCaller(int KeyId, int PartnerId, string ActorUserId, IReadOnlyList<string> Scopes);

/// <summary>A partner admin creates a key on Partner Information &gt; API keys; audited.</summary>
public sealed class CreateApiKey(IAppDb db, UnitOfWork unit, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<CreatedApiKey>> ExecuteAsync(string userId, int partnerId, ApiKeyRequest request, CancellationToken ct)
    {
        var now = clock.UtcNow();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > ApiKey.NameMaxLength || request.Name.Any(char.IsControl))
        {
            return ApiKeyErrors.NameRequired;
        }

        var scopes = request.Scopes.Where(ApiScopes.All.Contains).ToList();
        if (scopes.Count == 0 || scopes.Count != request.Scopes.Distinct().Count())
        {
            return ApiKeyErrors.NoScope;
        }

        if (request.ExpiresAt is { } expires && expires <= now)
        {
            return ApiKeyErrors.ExpiryInPast;
        }

        // One transaction: the key's id (for the audit row) comes from the first save.
        return await unit.RunAsync<CreatedApiKey>(async innerCt =>
        {
            var (key, secret) = ApiKey.Create(partnerId, request.Name, scopes, request.ExpiresAt, userId, now);
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync(innerCt);
            audit.Record(userId, partnerId, "ApiKeyCreated", nameof(ApiKey), key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                after: new { key.Name, key.Prefix, key.Scopes, key.ExpiresAt });
            return new CreatedApiKey(key.Id, key.Name, key.Prefix, secret);
        }, ct);
    }
}

/// <summary>A partner admin revokes a key: it stops working at once; audited.</summary>
public sealed class RevokeApiKey(IAppDb db, UnitOfWork unit, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<ApiKey>> ExecuteAsync(string userId, int partnerId, int keyId, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.PartnerId == partnerId, ct);
        if (key is null)
        {
            return Error.NotFound("API key");
        }

        var revoked = key.Revoke(userId, clock.UtcNow());
        if (!revoked.IsSuccess)
        {
            return revoked.Error!;
        }

        audit.Record(userId, partnerId, "ApiKeyRevoked", nameof(ApiKey), key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { key.Name, key.Prefix, Revoked = false }, new { key.Name, key.Prefix, Revoked = true });
        return await unit.SaveAsync(key, ct);
    }
}

/// <summary>The partner's keys, and the one check every API request goes through.</summary>
public sealed class ApiKeyQueries(IAppDb db, TimeProvider clock)
{
    public Task<List<ApiKeyRow>> ListAsync(int partnerId, CancellationToken ct) =>
        db.ApiKeys.AsNoTracking().Where(k => k.PartnerId == partnerId)
            .OrderByDescending(k => k.Id)
            .Select(k => new ApiKeyRow(k.Id, k.Name, k.Prefix, k.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                k.CreatedAt, k.ExpiresAt, k.LastUsedAt, k.RevokedAt))
            .ToListAsync(ct);

    /// <summary>
    /// The caller a presented key stands for, or why it is refused. The key is looked up by its hash
    /// and compared in constant time; its last use is written at most once a
    /// <see cref="ApiKey.LastUsedPrecision"/> (one conditional UPDATE, safe with several instances).
    /// </summary>
    public async Task<Result<ApiCaller>> AuthenticateAsync(string? presented, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return ApiKeyErrors.Missing;
        }

        if (!presented.StartsWith(ApiKey.KeyPrefix, StringComparison.Ordinal) || presented.Length > 128)
        {
            return ApiKeyErrors.Invalid;
        }

        var hash = ApiKey.Hash(presented);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.SecretHash == hash, ct);
        if (key is null || !key.Matches(presented))
        {
            return ApiKeyErrors.Invalid;
        }

        var now = clock.UtcNow();
        if (key.IsRevoked)
        {
            return ApiKeyErrors.Revoked;
        }

        if (key.IsExpiredAt(now))
        {
            return ApiKeyErrors.Expired;
        }

        if (key.LastUseIsStaleAt(now))
        {
            var since = now - ApiKey.LastUsedPrecision;
            await db.ApiKeys.Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt <= since))
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        }

        return new ApiCaller(key.Id, key.PartnerId, key.CreatedByUserId, key.ScopeList);
    }
}
