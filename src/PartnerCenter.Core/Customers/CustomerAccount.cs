using System.Globalization;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Customers;

/// <summary>
/// A customer account the platform owns (docs/domain.md, "Platform customer accounts"): the facts the
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

    /// <summary>Association-time facts (docs/domain.md, "The customer's side").</summary>
    public bool IsPartnerOrApplicant { get; set; }
    public bool HasSpecialContract { get; set; }
    public bool IsInternalAccount { get; set; }

    public int? AssociatedPartnerId { get; private set; }
    public DateTime? AssociatedAt { get; private set; }

    /// <summary>Restricted from purchases: the default after association until the partner unfreezes.</summary>
    public bool IsFrozen { get; private set; }

    public BudgetType BudgetType { get; private set; }

    /// <summary>USD, two decimals.</summary>
    public decimal BudgetAmount { get; private set; }
    public decimal UsedAmount { get; private set; }
    public FreezeOnExhaustion FreezeOnExhaustion { get; private set; } = FreezeOnExhaustion.Manually;

    /// <summary>
    /// Spend of the current period the customer has not paid yet (USD). Today a stored amount; the usage records
    /// plug in through <see cref="IUnpaidSpend"/>.
    /// </summary>
    public decimal UnpaidAmount { get; set; }

    /// <summary>The share of the budget at which a partner is alerted ("over 80%").</summary>
    public const decimal AlertShare = 0.8m;

    public static readonly Error NotAssociated = new("not_associated", "Your account is not associated with a partner.");

    /// <summary>Concurrency token: two racing associations or budget changes, exactly one is saved.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// Makes the account the partner's customer: frozen by default (until the partner sets a budget and
    /// unfreezes), or not frozen when the ecosystem manager associates it in the background.
    /// </summary>
    public Result<CustomerAccount> AssociateWith(int partnerId, DateTime now, bool frozen)
    {
        if (AssociatedPartnerId is { } current)
        {
            return current == partnerId ? PreregistrationErrors.AlreadyYourCustomer : PreregistrationErrors.AssociatedWithAnotherPartner;
        }

        AssociatedPartnerId = partnerId;
        AssociatedAt = now;
        IsFrozen = frozen;
        Version++;
        return this;
    }

    public Result<CustomerAccount> SetBudget(BudgetSetting setting)
    {
        if (setting.Problem() is { } problem)
        {
            return problem;
        }

        BudgetType = setting.Type;
        BudgetAmount = setting.Amount;
        FreezeOnExhaustion = setting.OnExhaustion;
        if (setting.UnfreezeNow)
        {
            IsFrozen = false;
        }

        Version++;
        return this;
    }

    /// <summary>Over <see cref="AlertShare"/> of a budget that is set.</summary>
    public static System.Linq.Expressions.Expression<Func<CustomerAccount, bool>> OverAlertShare =>
        a => a.BudgetType != BudgetType.None && a.UsedAmount >= a.BudgetAmount * AlertShare;

    /// <summary>
    /// Whether the customer may leave its partner now: never with unpaid spend this period
    /// (<paramref name="unpaidSpendThisPeriod"/>, from <see cref="IUnpaidSpend"/>).
    /// </summary>
    public Error? CheckCanLeave(decimal unpaidSpendThisPeriod)
    {
        if (AssociatedPartnerId is null)
        {
            return NotAssociated;
        }

        return unpaidSpendThisPeriod > 0
            ? new Error("unpaid_spend", string.Create(CultureInfo.InvariantCulture,
                $"You cannot end the association yet: {unpaidSpendThisPeriod:N2} USD of this period's spend is unpaid. Pay it, then ask again."))
            : null;
    }

    /// <summary>
    /// Ends the association with <paramref name="partnerId"/> after it consented: the account is no longer the
    /// partner's, and its budget and freeze settings end with it.
    /// </summary>
    public Result<CustomerAccount> EndAssociation(int partnerId)
    {
        if (AssociatedPartnerId != partnerId)
        {
            return NotAssociated;
        }

        AssociatedPartnerId = null;
        AssociatedAt = null;
        IsFrozen = false;
        BudgetType = BudgetType.None;
        BudgetAmount = 0;
        FreezeOnExhaustion = FreezeOnExhaustion.Manually;
        Version++;
        return this;
    }

    public Result<CustomerAccount> Freeze() => SetFrozen(true);

    public Result<CustomerAccount> Unfreeze() => SetFrozen(false);

    /// <summary>The setting as a partner reads it, e.g. "Monthly 500.00 USD, freeze manually, frozen".</summary>
    public string Describe() =>
        (BudgetType == BudgetType.None
            ? "No budget"
            : string.Create(CultureInfo.InvariantCulture, $"{(BudgetType == BudgetType.Monthly ? "Monthly" : "One-time")} {BudgetAmount:N2} USD, freeze {(FreezeOnExhaustion == FreezeOnExhaustion.Automatically ? "automatically" : "manually")}"))
        + (IsFrozen ? ", frozen" : ", not frozen");

    private Result<CustomerAccount> SetFrozen(bool frozen)
    {
        if (IsFrozen == frozen)
        {
            return new Error("no_change", frozen ? "This account is already frozen." : "This account is not frozen.");
        }

        IsFrozen = frozen;
        Version++;
        return this;
    }
}

/// <summary>A budget as the partner sets it on Sales &gt; Customers.</summary>
public sealed record BudgetSetting(BudgetType Type, decimal Amount, FreezeOnExhaustion OnExhaustion, bool UnfreezeNow)
{
    public const decimal MaxAmount = 2_147_483_647m;

    public static readonly Error Invalid = new("invalid_budget",
        "Enter a budget type and an amount greater than 0 and at most 2,147,483,647, with at most two decimals.");

    public Error? Problem() =>
        Type == BudgetType.None || Amount <= 0 || Amount > MaxAmount || decimal.Round(Amount, 2) != Amount ? Invalid : null;
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
