using PartnerCenter.Core.Common;
using PartnerCenter.Core.Invitations;

namespace PartnerCenter.Core.Partners;

/// <summary>A cloud partner (reseller) whose staff develop customers.</summary>
public class Partner
{
    public const int NameMaxLength = 128;

    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>ISO 3166 alpha-2 codes of the countries where the partner develops business, comma separated.</summary>
    public string BusinessCountries { get; set; } = "";

    /// <summary>
    /// The partner's IANA time zone, for periods defined in the partner's local time (a monthly budget
    /// resets at 00:00 on the 1st there) and the default zone of its users. Null: its first business country's.
    /// </summary>
    public string? TimeZoneId { get; set; }

    public TimeZoneInfo TimeZone => TimeZones.Find(TimeZoneId ?? TimeZones.ForCountry(BusinessCountryCodes is [var first, ..] ? first : null));

    /// <summary>The contact reserved on Account Information; preregistering needs this or <see cref="ReservedMobile"/>.</summary>
    public string? ReservedEmail { get; private set; }
    public string? ReservedMobile { get; private set; }

    /// <summary>A prepaid partner cannot develop customers in the reseller model (ours).</summary>
    public bool IsPrepaid { get; set; }

    /// <summary>The user id of the ecosystem manager who looks after this partner.</summary>
    public string? EcosystemManagerId { get; set; }

    /// <summary>
    /// Bumped by every preregistration submission inside its transaction: the row lock this takes
    /// serializes one partner's submissions, so the cap of 100 holds under concurrency on SQL Server
    /// (SQLite serializes all writers already).
    /// </summary>
    public int SubmissionLock { get; set; }

    /// <summary>The one home of the prepaid refusal: invitations, links and associations all ask here.</summary>
    public Error? CheckResellerModel() => IsPrepaid ? InvitationErrors.PrepaidPartner : null;

    public bool HasReservedContact => ReservedEmail is not null || ReservedMobile is not null;

    public IReadOnlyList<string> BusinessCountryCodes =>
        BusinessCountries.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool DevelopsBusinessIn(string countryCode) =>
        BusinessCountryCodes.Contains(countryCode, StringComparer.OrdinalIgnoreCase);

    public void ReserveContact(string? email, string? mobileE164)
    {
        ReservedEmail = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        ReservedMobile = string.IsNullOrWhiteSpace(mobileE164) ? null : mobileE164;
    }
}
