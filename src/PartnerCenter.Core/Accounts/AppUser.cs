using Microsoft.AspNetCore.Identity;

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
}

public static class Roles
{
    public const string PartnerAdmin = "Partner admin";
    public const string PartnerStaff = "Partner staff";
    public const string EcosystemManager = "Ecosystem manager";
    public const string Customer = "Customer";

    public static readonly string[] All = [PartnerAdmin, PartnerStaff, EcosystemManager, Customer];
}
