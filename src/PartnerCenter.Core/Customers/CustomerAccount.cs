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
    public FreezeOnExhaustion FreezeOnExhaustion { get; private set; } = FreezeOnExhaustion.Manually;

    /// <summary>When the partner last set the budget: a One-time budget counts spend from here, and alerts start afresh.</summary>
    public DateTime? BudgetSetAt { get; private set; }

    /// <summary>
    /// Set when the system froze a Monthly budget's account at 100% that the partner had unfrozen: the
    /// start (UTC) of that month. At the next reset the account is unfrozen again; any change by the
    /// partner to the frozen state clears it (the partner has taken over).
    /// </summary>
    public DateTime? AutoFrozenInPeriod { get; private set; }

    /// <summary>
    /// Bumped by an <c>UPDATE</c> at the start of every unit that evaluates spend: the row lock serializes
    /// one account's usage, thresholds and resets across app instances (not a concurrency token).
    /// </summary>
    public int UsageLock { get; set; }

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

    public Result<CustomerAccount> SetBudget(BudgetSetting setting, DateTime now)
    {
        if (setting.Problem() is { } problem)
        {
            return problem;
        }

        BudgetType = setting.Type;
        BudgetAmount = setting.Amount;
        FreezeOnExhaustion = setting.OnExhaustion;
        BudgetSetAt = now;
        if (setting.UnfreezeNow)
        {
            IsFrozen = false;
            AutoFrozenInPeriod = null;
        }

        Version++;
        return this;
    }

    /// <summary>
    /// Where unpaid spend starts: the current billing month (the calendar month in the partner's time zone,
    /// starting at <paramref name="monthStart"/>), whatever the budget; the platform bills each month after it
    /// ends, so earlier months are billed and this month's spend is unpaid. <see cref="CustomerSpend"/> sums it.
    /// </summary>
    public static DateTime UnpaidSince(DateTime monthStart) => monthStart;

    /// <summary>
    /// Whether the customer may leave its partner now: never with unpaid spend this period
    /// (<paramref name="unpaidSpendThisPeriod"/>, the usage records since <see cref="UnpaidSince"/>).
    /// </summary>
    public Error? CheckCanLeave(decimal unpaidSpendThisPeriod)
    {
        if (AssociatedPartnerId is null)
        {
            return NotAssociated;
        }

        return unpaidSpendThisPeriod > 0
            ? new Error("unpaid_spend", new Phrase(
                "You cannot end the association yet: {0:N2} USD of this period's spend is unpaid. Pay it, then ask again.", unpaidSpendThisPeriod))
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
        BudgetSetAt = null;
        AutoFrozenInPeriod = null;
        Version++;
        return this;
    }

    public Result<CustomerAccount> Freeze() => SetFrozen(true);

    public Result<CustomerAccount> Unfreeze() => SetFrozen(false);

    /// <summary>
    /// The start (UTC) of the current budget period, from which spend counts as <em>Used</em>: for a
    /// One-time budget when it was set; otherwise (Monthly, or no budget) the calendar month in the
    /// partner's time zone. The SQL form of this rule is in <see cref="CustomerQueries"/>.
    /// </summary>
    public DateTime UsedSince(DateTime monthStart) =>
        BudgetType == BudgetType.OneTime && BudgetSetAt is { } setAt ? setAt : monthStart;

    /// <summary>
    /// The window in which each threshold alerts once: the budget period, started afresh by a new budget
    /// setting (a raised budget can alert and freeze again in the same month).
    /// </summary>
    public DateTime AlertWindow(DateTime monthStart)
    {
        var since = UsedSince(monthStart);
        return BudgetSetAt is { } setAt && setAt > since ? setAt : since;
    }

    /// <summary>The thresholds (<see cref="BudgetLevel"/>) that <paramref name="used"/> has reached, lowest first.</summary>
    public IReadOnlyList<BudgetLevel> LevelsReached(decimal used) =>
        BudgetType == BudgetType.None ? [] : BudgetLevels.Reached(used, BudgetAmount);

    /// <summary>
    /// At 100%: freezes the account when the partner chose <em>Automatically</em> and it is not frozen yet;
    /// true when it froze. A Monthly budget remembers the month, to unfreeze at the reset.
    /// </summary>
    public bool FreezeForExhaustedBudget(DateTime monthStart)
    {
        if (FreezeOnExhaustion != FreezeOnExhaustion.Automatically || IsFrozen || BudgetType == BudgetType.None)
        {
            return false;
        }

        IsFrozen = true;
        AutoFrozenInPeriod = BudgetType == BudgetType.Monthly ? monthStart : null;
        Version++;
        return true;
    }

    /// <summary>
    /// After a Monthly reset: unfreezes the account the system froze in an earlier month (the partner
    /// had it unfrozen then); true when it unfroze.
    /// </summary>
    public bool UnfreezeAtReset(DateTime monthStart)
    {
        if (AutoFrozenInPeriod is not { } frozenIn || frozenIn >= monthStart)
        {
            return false;
        }

        AutoFrozenInPeriod = null;
        Version++;
        if (BudgetType != BudgetType.Monthly || !IsFrozen)
        {
            return false;
        }

        IsFrozen = false;
        return true;
    }

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
        AutoFrozenInPeriod = null;
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
    /// <summary>Resets at 00:00 on the 1st of each month in the partner's time zone.</summary>
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
