using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PartnerCenter.Web.Features.Usage;

public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>
    /// The secret the platform's billing system sends as <c>Authorization: Bearer …</c> on
    /// <c>POST /platform/usage</c>. Unset or empty: the endpoint answers 401 to everyone.
    /// </summary>
    public string? ApiKey { get; set; }
}

/// <summary>Checks the platform's bearer key in constant time (hashes of equal length, compared with FixedTimeEquals).</summary>
public sealed class PlatformApiKey(IOptionsMonitor<PlatformOptions> options)
{
    public bool IsConfigured => !string.IsNullOrEmpty(options.CurrentValue.ApiKey);

    public bool Accepts(string? authorization)
    {
        var key = options.CurrentValue.ApiKey;
        if (string.IsNullOrEmpty(key) || authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorization["Bearer ".Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }
}
