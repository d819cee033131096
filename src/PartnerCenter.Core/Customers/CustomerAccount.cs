namespace PartnerCenter.Core.Customers;

/// <summary>
/// A customer account the platform owns (DOMAIN.md, "Platform customer accounts"): the facts the
/// conflict rules read. In this portal they are rows of our own database.
/// </summary>
public class CustomerAccount
{
    public int Id { get; set; }

    /// <summary>Normalized (trimmed, lower case): the customer's identity.</summary>
    public required string Email { get; set; }
    public required string Name { get; set; }
    public RegistrationWebsite Website { get; set; } = RegistrationWebsite.International;

    /// <summary>ISO 3166 alpha-2 code of the account's country.</summary>
    public required string CountryCode { get; set; }
    public DateTime RegisteredAt { get; set; }

    public bool IsConsumerCloudUser { get; set; }
    public bool HasSignedContract { get; set; }
    public bool HasCashExpenditure { get; set; }
    public bool PreregisteredByDirectSales { get; set; }
    public bool IsOnlineSalesTeamMember { get; set; }
    public EnterpriseMasterLink EnterpriseMasterLink { get; set; } = EnterpriseMasterLink.None;

    /// <summary>Association-time facts (DOMAIN.md, "The customer's side").</summary>
    public bool IsPartnerOrApplicant { get; set; }
    public bool HasSpecialContract { get; set; }
    public bool IsInternalAccount { get; set; }

    public int? AssociatedPartnerId { get; set; }
    public DateTime? AssociatedAt { get; set; }

    /// <summary>Restricted from purchases: the default after association until the partner unfreezes.</summary>
    public bool IsFrozen { get; set; }

    public BudgetType BudgetType { get; set; }

    /// <summary>USD, two decimals.</summary>
    public decimal BudgetAmount { get; set; }
    public decimal UsedAmount { get; set; }
    public FreezeOnExhaustion FreezeOnExhaustion { get; set; } = FreezeOnExhaustion.Manually;

    /// <summary>Concurrency token: two racing associations or budget changes, exactly one is saved.</summary>
    public int Version { get; set; }
}

public enum BudgetType
{
    /// <summary>No budget set yet.</summary>
    None = 0,
    /// <summary>Resets at 00:00 UTC on the 1st of each month.</summary>
    Monthly = 1,
    /// <summary>A single amount that does not reset.</summary>
    OneTime = 2,
}

public enum FreezeOnExhaustion
{
    /// <summary>The partner decides when the budget runs out (default).</summary>
    Manually = 0,
    /// <summary>The account freezes as soon as the budget runs out.</summary>
    Automatically = 1,
}

public enum RegistrationWebsite
{
    /// <summary>The international website; partners may develop these customers.</summary>
    International = 0,
    /// <summary>The Chinese mainland website; never preregistrable.</summary>
    ChineseMainland = 1,
}

public enum EnterpriseMasterLink
{
    /// <summary>Not part of an enterprise organization.</summary>
    None = 0,
    /// <summary>A member account under an enterprise master in the unified accounting model.</summary>
    UnifiedAccountingMember = 1,
    /// <summary>An enterprise master whose members account independently.</summary>
    MasterWithIndependentMembers = 2,
}
