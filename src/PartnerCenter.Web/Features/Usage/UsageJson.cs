using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Usage;

namespace PartnerCenter.Web.Features.Usage;

/// <summary>
/// Reads the body of <c>POST /platform/usage</c>: one record (an object) or an array of them. The JSON
/// shape of each field is judged here (a string, a number, an ISO 8601 UTC date); the rules are in
/// <see cref="UsageRecord.Check"/>.
/// </summary>
public static partial class UsageJson
{
    /// <summary>The lines, or the error for the whole body.</summary>
    public static Result<List<UsageLine>> Read(JsonElement root)
    {
        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                return new List<UsageLine> { Line(root) };
            case JsonValueKind.Array:
                var count = root.GetArrayLength();
                if (count == 0)
                {
                    return UsageErrors.NoRecords;
                }

                if (count > UsageErrors.MaxRecords)
                {
                    return UsageErrors.TooManyRecords;
                }

                return root.EnumerateArray().Select(Line).ToList();
            default:
                return UsageErrors.MalformedJson;
        }
    }

    private static UsageLine Line(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new UsageLine(null, null, null, null, null, UsageErrors.NotAnObject);
        }

        string? id = null, email = null, currency = null;
        decimal? amount = null;
        DateTime? occurredAt = null;
        Error? problem = null;
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            switch (property.Name.ToUpperInvariant())
            {
                case "ID":
                    id = Text(value, "id", ref problem);
                    break;
                case "CUSTOMEREMAIL":
                    email = Text(value, "customerEmail", ref problem);
                    break;
                case "CURRENCY":
                    currency = Text(value, "currency", ref problem);
                    break;
                case "AMOUNT":
                    if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
                    {
                        amount = number;
                    }
                    else
                    {
                        problem ??= UsageErrors.WrongType("amount", "a number (USD), such as 12.34");
                    }

                    break;
                case "OCCURREDAT":
                    var text = Text(value, "occurredAt", ref problem);
                    if (text is not null)
                    {
                        occurredAt = Utc(text);
                        if (occurredAt is null)
                        {
                            problem ??= UsageErrors.InvalidDate;
                        }
                    }

                    break;
            }
        }

        return new UsageLine(id, email, amount, currency, occurredAt, problem);
    }

    private static string? Text(JsonElement value, string field, ref Error? problem)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        problem ??= UsageErrors.WrongType(field, "a string");
        return null;
    }

    /// <summary>An ISO 8601 date and time with <c>Z</c> or an explicit offset, as UTC; null otherwise (no guessing a zone).</summary>
    private static DateTime? Utc(string text) =>
        IsoWithOffset().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var value)
            ? value.UtcDateTime
            : null;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex IsoWithOffset();
}
