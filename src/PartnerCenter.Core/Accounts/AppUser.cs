using Microsoft.AspNetCore.Identity;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Accounts;

/// <summary>Everyone who signs in: partner users, ecosystem managers and customers.</summary>
public class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = 128;

    public required string DisplayName { get; set; }

    /// <summary>Set for partner admins and staff: the only partner whose data they see.</summary>
    public int? PartnerId { get; set; }

    /// <summary>Granted per partner user by the partner admin; admins have it implicitly.</summary>
    public bool HasCustomerDevelopment { get; set; }

    /// <summary>Set for customers: their platform customer account.</summary>
    public int? CustomerAccountId { get; set; }

    /// <summary>The IANA time zone pages and emails show this user's times in; null: the default (the partner's, else UTC).</summary>
    public string? TimeZoneId { get; set; }

    /// <summary>
    /// The language pages and emails speak to this user (<see cref="Languages"/>), chosen on the profile page or with
    /// the header's switch; null: none chosen (pages follow the browser, emails are in the default language).
    /// </summary>
    public string? Language { get; set; }

    /// <summary>The language this user's emails are written in.</summary>
    public string EmailLanguage => Languages.OrDefault(Language);

    /// <summary>Sets the user's language; null or empty goes back to none chosen. A language the portal does not speak is refused.</summary>
    public Error? ChooseLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            Language = null;
            return null;
        }

        if (Languages.Find(language) is not { } known)
        {
            return Languages.Unknown;
        }

        Language = known;
        return null;
    }

    /// <summary>Turned off on the profile page: no "review decided" emails to this partner user. Stored as "off" so the default is on.</summary>
    public bool ReviewDecidedEmailOff { get; set; }

    /// <summary>Turned off on the profile page: no "customer associated" emails to this partner user.</summary>
    public bool CustomerAssociatedEmailOff { get; set; }

    /// <summary>Turned off on the profile page: no reminders before this user's preregistrations lapse. Stored as "off" so the default is on.</summary>
    public bool ClaimReminderEmailOff { get; set; }

    /// <summary>Whether this user gets the reminders before the claims they created lapse.</summary>
    public bool ClaimRemindersEnabled => !ClaimReminderEmailOff;

    public static readonly Error UnknownTimeZone = new("unknown_time_zone", "Choose a time zone from the list.", ErrorKind.Field, nameof(TimeZoneId));

    /// <summary>Sets the user's zone; null or empty goes back to the default. An id this machine does not know is refused.</summary>
    public Error? ChooseTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            TimeZoneId = null;
            return null;
        }

        if (!TimeZones.IsKnown(id.Trim()) || id.Trim().Length > TimeZones.IdMaxLength)
        {
            return UnknownTimeZone;
        }

        TimeZoneId = TimeZones.Find(id.Trim()).Id;
        return null;
    }

    /// <summary>
    /// Whether this partner user gets a partner notice: they develop customers (admins always may) and did
    /// not turn that email off on the profile page.
    /// </summary>
    public bool WantsPartnerNotice(PartnerNotice notice, bool isAdmin) =>
        PartnerId is not null && !string.IsNullOrWhiteSpace(Email) && (isAdmin || HasCustomerDevelopment) && notice switch
        {
            PartnerNotice.ReviewDecided => !ReviewDecidedEmailOff,
            PartnerNotice.CustomerAssociated => !CustomerAssociatedEmailOff,
            PartnerNotice.AssociationEnded => true,
            _ => false,
        };
}

/// <summary>The emails a partner gets about its customers, sent to its reserved email and to its users who want them.</summary>
public enum PartnerNotice
{
    /// <summary>An ecosystem manager approved or rejected a manual review.</summary>
    ReviewDecided = 1,
    /// <summary>A customer accepted an invitation.</summary>
    CustomerAssociated = 2,
    /// <summary>The partner consented to a customer's request to end the association (not switchable: the customer left).</summary>
    AssociationEnded = 3,
}

public static class Roles
{
    public const string PartnerAdmin = "Partner admin";
    public const string PartnerStaff = "Partner staff";
    public const string EcosystemManager = "Ecosystem manager";
    public const string Customer = "Customer";

    /// <summary>Runs the portal for the platform: sees the outbox and retries failed emails (README, "Operations").</summary>
    public const string PlatformAdministrator = "Platform administrator";

    public static readonly string[] All = [PartnerAdmin, PartnerStaff, EcosystemManager, Customer, PlatformAdministrator];
}
