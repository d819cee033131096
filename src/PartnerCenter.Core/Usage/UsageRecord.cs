using System.Globalization;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Usage;

/// <summary>
/// One spend record the platform's billing system reported for a customer (<c>POST /platform/usage</c>).
/// Idempotent by <see cref="ExternalId"/> (a unique index): a replay changes nothing.
/// </summary>
public class UsageRecord
{
    /// <summary>The portal's currency: budgets are in USD, and so must spend be.</summary>
    public const string Currency = "USD";

    public const int IdMaxLength = 128;

    /// <summary>One record above this is refused as absurd (USD).</summary>
    public const decimal MaxAmount = 1_000_000m;

    /// <summary>Spend may be reported in fractions of a cent, up to this many decimals.</summary>
    public const int MaxDecimals = 6;

    /// <summary>How far ahead of the portal's clock <c>occurredAt</c> may be (the two clocks differ a little).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public long Id { get; set; }

    /// <summary>The platform's id of the record.</summary>
    public required string ExternalId { get; set; }
    public int CustomerAccountId { get; set; }

    /// <summary>USD.</summary>
    public decimal Amount { get; set; }
    public DateTime OccurredAt { get; set; }
    public DateTime RecordedAt { get; set; }

    /// <summary>
    /// The rules of one record, in the order they are checked; null when it may be recorded (the customer
    /// is checked by the use case). <paramref name="line"/> carries what the JSON held.
    /// </summary>
    public static Error? Check(UsageLine line, DateTime now)
    {
        if (line.Problem is { } problem)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(line.Id))
        {
            return UsageErrors.Missing("id");
        }

        if (line.Id.Length > IdMaxLength || line.Id.Any(char.IsControl))
        {
            return UsageErrors.InvalidId;
        }

        if (string.IsNullOrWhiteSpace(line.CustomerEmail))
        {
            return UsageErrors.Missing("customerEmail");
        }

        if (line.Amount is not { } amount)
        {
            return UsageErrors.Missing("amount");
        }

        if (string.IsNullOrWhiteSpace(line.Currency))
        {
            return UsageErrors.Missing("currency");
        }

        if (line.OccurredAt is not { } occurredAt)
        {
            return UsageErrors.Missing("occurredAt");
        }

        if (!EmailAddress.IsWellFormed(line.CustomerEmail.Trim()))
        {
            return UsageErrors.InvalidEmail;
        }

        if (amount < 0)
        {
            return UsageErrors.NegativeAmount;
        }

        if (amount > MaxAmount)
        {
            return UsageErrors.AmountTooLarge;
        }

        if (decimal.Round(amount, MaxDecimals) != amount)
        {
            return UsageErrors.TooManyDecimals;
        }

        if (!string.Equals(line.Currency, Currency, StringComparison.Ordinal))
        {
            return UsageErrors.UnsupportedCurrency;
        }

        return occurredAt > now + ClockSkew ? UsageErrors.FutureDate : null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{ExternalId}: {Amount} {Currency} at {OccurredAt:O}");
}

/// <summary>
/// One record as the JSON body held it. <see cref="Problem"/> is set by the reader when a field has
/// the wrong JSON type or format (an amount that is not a number, a date that is not ISO 8601 UTC).
/// </summary>
public sealed record UsageLine(string? Id, string? CustomerEmail, decimal? Amount, string? Currency, DateTime? OccurredAt, Error? Problem = null);

/// <summary>The stable codes of <c>POST /platform/usage</c>: per record, and for the whole body.</summary>
public static class UsageErrors
{
    public const int MaxRecords = 1000;

    public static Error Missing(string field) => new("missing_field", $"The field '{field}' is required.", ErrorKind.Field, field);

    public static Error WrongType(string field, string expected) => new("invalid_" + field switch
    {
        "customerEmail" => "email",
        "occurredAt" => "occurred_at",
        _ => field,
    }, $"The field '{field}' must be {expected}.", ErrorKind.Field, field);

    public static readonly Error InvalidId = Error.InField("id", "invalid_id", $"The id must have at most {UsageRecord.IdMaxLength} characters and no control characters.");
    public static readonly Error InvalidEmail = Error.InField("customerEmail", "invalid_email", "The customerEmail is not a valid email address.");
    public static readonly Error NegativeAmount = Error.InField("amount", "negative_amount", "The amount cannot be negative.");
    public static readonly Error AmountTooLarge = Error.InField("amount", "amount_too_large",
        string.Create(CultureInfo.InvariantCulture, $"The amount can be at most {UsageRecord.MaxAmount:N0} USD per record."));
    public static readonly Error TooManyDecimals = Error.InField("amount", "too_many_decimals", $"The amount can have at most {UsageRecord.MaxDecimals} decimals.");
    public static readonly Error UnsupportedCurrency = Error.InField("currency", "unsupported_currency", $"Only {UsageRecord.Currency} is accepted: budgets are in {UsageRecord.Currency}.");
    public static readonly Error InvalidDate = Error.InField("occurredAt", "invalid_occurred_at", "The occurredAt must be an ISO 8601 date and time in UTC, such as 2031-03-14T09:30:00Z.");
    public static readonly Error FutureDate = Error.InField("occurredAt", "future_occurred_at", "The occurredAt cannot be in the future.");
    public static readonly Error NotAnObject = new("not_an_object", "Each record must be a JSON object.");
    public static readonly Error UnknownCustomer = Error.InField("customerEmail", "unknown_customer", "No customer account has this email address.");
    public static readonly Error NotAPartnerCustomer = Error.InField("customerEmail", "not_a_partner_customer", "This customer is not associated with a partner.");

    public static readonly Error MalformedJson = new("malformed_json", "The body must be one usage record (a JSON object) or an array of them.");
    public static readonly Error TooManyRecords = new("too_many_records", $"Send at most {MaxRecords:N0} records at once.");
    public static readonly Error NoRecords = new("no_records", "The array holds no usage records.");
}
