using System.Security.Cryptography;
using System.Text;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.ApiKeys;

/// <summary>
/// A partner's key for the Partner API (docs/domain.md, "The Partner API"). Only the SHA-256 of the
/// secret is stored; the key itself is shown once. A key acts for its partner with its scopes, and is
/// recorded in audit rows as the admin who created it.
/// </summary>
public class ApiKey
{
    public const string KeyPrefix = "pc_live_";
    public const int NameMaxLength = 64;

    /// <summary>Characters of the secret kept in clear after <see cref="KeyPrefix"/>, so the list can tell keys apart.</summary>
    public const int ShownSecretCharacters = 6;

    /// <summary>Last use is written at most this often per key: a read per request, not a write.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    private ApiKey()
    {
    }

    public int Id { get; private set; }
    public int PartnerId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>"pc_live_" and the first characters of the secret: what the list shows.</summary>
    public string Prefix { get; private set; } = "";
    public byte[] SecretHash { get; private set; } = [];

    /// <summary>Space-separated scopes from <see cref="ApiScopes.All"/>.</summary>
    public string Scopes { get; private set; } = "";
    public string CreatedByUserId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? ExpiresAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public string? RevokedByUserId { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A new key and its secret (returned once, never stored).</summary>
    public static (ApiKey Key, string Secret) Create(int partnerId, string name, IEnumerable<string> scopes, DateTime? expiresAt, string userId, DateTime now)
    {
        var secret = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            PartnerId = partnerId,
            Name = name.Trim(),
            Prefix = secret[..(KeyPrefix.Length + ShownSecretCharacters)],
            SecretHash = Hash(secret),
            Scopes = string.Join(' ', ApiScopes.All.Where(scopes.Contains)),
            CreatedByUserId = userId,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        return (key, secret);
    }

    public static byte[] Hash(string presented) => SHA256.HashData(Encoding.UTF8.GetBytes(presented));

    /// <summary>Constant-time comparison of a presented key with the stored hash.</summary>
    public bool Matches(string presented) => CryptographicOperations.FixedTimeEquals(SecretHash, Hash(presented));

    public bool IsExpiredAt(DateTime now) => ExpiresAt is { } at && at <= now;

    public bool IsRevoked => RevokedAt is not null;

    public bool HasScope(string scope) => ScopeList.Contains(scope, StringComparer.Ordinal);

    /// <summary>Whether this use should be written down: the last write is older than <see cref="LastUsedPrecision"/>.</summary>
    public bool LastUseIsStaleAt(DateTime now) => LastUsedAt is not { } at || now - at >= LastUsedPrecision;

    public Result<ApiKey> Revoke(string userId, DateTime now)
    {
        if (IsRevoked)
        {
            return ApiKeyErrors.AlreadyRevoked;
        }

        RevokedAt = now;
        RevokedByUserId = userId;
        Version++;
        return this;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The scopes a key may carry, exactly as partners read them (issue 16).</summary>
public static class ApiScopes
{
    public const string PreregistrationsRead = "preregistrations:read";
    public const string PreregistrationsWrite = "preregistrations:write";
    public const string InvitationsWrite = "invitations:write";
    public const string CustomersRead = "customers:read";
    public const string CustomersWrite = "customers:write";
    public const string WebhooksManage = "webhooks:manage";

    public static readonly IReadOnlyList<string> All =
        [PreregistrationsRead, PreregistrationsWrite, InvitationsWrite, CustomersRead, CustomersWrite, WebhooksManage];
}

public static class ApiKeyErrors
{
    public static readonly Error NameRequired = Error.InField("Name", "invalid_name", new Phrase("Enter a name of at most {0} characters.", ApiKey.NameMaxLength));
    public static readonly Error NoScope = Error.InField("Scopes", "invalid_scopes", "Choose at least one scope.");
    public static readonly Error ExpiryInPast = Error.InField("ExpiresOn", "invalid_expiry", "Choose an expiry date in the future, or none.");
    public static readonly Error AlreadyRevoked = Error.Conflict("already_revoked", "This API key has already been revoked.");

    /// <summary>The causes a request's key is refused for (401); each has its own code.</summary>
    public static readonly Error Missing = new("api_key_missing", "Send an API key as \"Authorization: Bearer pc_live_...\".");
    public static readonly Error Invalid = new("api_key_invalid", "This API key is not valid.");
    public static readonly Error Revoked = new("api_key_revoked", "This API key has been revoked.");
    public static readonly Error Expired = new("api_key_expired", "This API key has expired.");
}
