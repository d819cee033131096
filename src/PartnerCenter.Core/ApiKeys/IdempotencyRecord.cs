namespace PartnerCenter.Core.ApiKeys;

/// <summary>
/// The first answer to a POST sent with an <c>Idempotency-Key</c>, per API key: a retry with the same
/// key and body gets it again and changes nothing; the same key with another body is refused. The row
/// is inserted before the request runs (a unique index on key id + idempotency key), so of two
/// concurrent duplicates exactly one runs.
/// </summary>
public class IdempotencyRecord
{
    public const int KeyMaxLength = 255;

    /// <summary>Records older than this may be purged; a retry after it runs the request again.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public long Id { get; set; }
    public int ApiKeyId { get; set; }
    public required string Key { get; set; }

    /// <summary>SHA-256 of method, path and body: what "the same request" means.</summary>
    public required byte[] RequestHash { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Null while the first request is still running.</summary>
    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? ResponseBody { get; set; }
    public string? Location { get; set; }
}
