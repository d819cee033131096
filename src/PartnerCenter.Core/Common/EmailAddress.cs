using System.Text.RegularExpressions;

namespace PartnerCenter.Core.Common;

public static partial class EmailAddress
{
    /// <summary>
    /// Letters, digits, <c>_</c>, <c>-</c> and <c>.</c> only, one <c>@</c>, a dotted domain,
    /// no leading, trailing or doubled dots (docs/domain.md, "Input rules").
    /// </summary>
    [GeneratedRegex(@"^[A-Za-z0-9_\-]+(\.[A-Za-z0-9_\-]+)*@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")]
    private static partial Regex WellFormed();

    [GeneratedRegex(@"^[A-Za-z0-9_\-.@]*$")]
    private static partial Regex AllowedCharacters();

    public const int MaxLength = 254;

    public static bool HasOnlyAllowedCharacters(string value) => AllowedCharacters().IsMatch(value);

    public static bool IsWellFormed(string value) => value.Length <= MaxLength && WellFormed().IsMatch(value);

    /// <summary>The customer's identity: trimmed, case-insensitive.</summary>
    public static string Normalize(string value) => value.Trim().ToLowerInvariant();
}
