using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Tests.Customers;

/// <summary>The account refuses illegal moves: a second association, a no-op freeze, an invalid budget.</summary>
public class CustomerAccountTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 30, 0, DateTimeKind.Utc);

    private static CustomerAccount Account() => new() { Email = "a@customers.example", Name = "A", CountryCode = "DE", RegisteredAt = Now.AddDays(-1) };

    [Fact]
    public void An_account_is_associated_once_frozen_by_default_or_not_in_the_background()
    {
        var viaLink = Account();
        var inBackground = Account();

        Assert.True(viaLink.AssociateWith(1, Now, frozen: true).IsSuccess);
        Assert.True(inBackground.AssociateWith(1, Now, frozen: false).IsSuccess);

        Assert.Equal((1, Now, true), (viaLink.AssociatedPartnerId!.Value, viaLink.AssociatedAt!.Value, viaLink.IsFrozen));
        Assert.False(inBackground.IsFrozen);
        Assert.Equal(PreregistrationErrors.AlreadyYourCustomer, viaLink.AssociateWith(1, Now, frozen: true).Error);
        Assert.Equal(PreregistrationErrors.AssociatedWithAnotherPartner, viaLink.AssociateWith(2, Now, frozen: true).Error);
        Assert.Equal(1, viaLink.AssociatedPartnerId);
    }

    [Fact]
    public void Freezing_a_frozen_account_or_unfreezing_an_unfrozen_one_is_refused()
    {
        var account = Account();
        Assert.True(account.AssociateWith(1, Now, frozen: true).IsSuccess);
        var version = account.Version;

        Assert.Equal("This account is already frozen.", account.Freeze().Error!.Message);
        Assert.Equal(version, account.Version);
        Assert.True(account.Unfreeze().IsSuccess);
        Assert.False(account.IsFrozen);
        Assert.Equal("This account is not frozen.", account.Unfreeze().Error!.Message);
        Assert.True(account.Freeze().IsSuccess);
        Assert.True(account.IsFrozen);
    }

    [Theory]
    [InlineData(BudgetType.None, "100")]
    [InlineData(BudgetType.Monthly, "0")]
    [InlineData(BudgetType.Monthly, "-1")]
    [InlineData(BudgetType.Monthly, "10.005")]
    [InlineData(BudgetType.OneTime, "2147483647.01")]
    public void An_invalid_budget_is_refused_and_changes_nothing(BudgetType type, string amount)
    {
        var account = Account();
        Assert.True(account.AssociateWith(1, Now, frozen: true).IsSuccess);

        var result = account.SetBudget(new BudgetSetting(type, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), FreezeOnExhaustion.Manually, UnfreezeNow: true), Now);

        Assert.Equal(BudgetSetting.Invalid, result.Error);
        Assert.Equal("No budget, frozen", account.Describe());
    }

    [Fact]
    public void A_budget_is_set_and_described_as_the_partner_reads_it()
    {
        var account = Account();
        Assert.True(account.AssociateWith(1, Now, frozen: true).IsSuccess);

        Assert.True(account.SetBudget(new BudgetSetting(BudgetType.Monthly, 2_147_483_647m, FreezeOnExhaustion.Automatically, UnfreezeNow: true), Now).IsSuccess);

        Assert.Equal("Monthly 2,147,483,647.00 USD, freeze automatically, not frozen", account.Describe());
    }

    [Fact]
    public void Unpaid_spend_is_this_billing_month_whatever_the_budget_and_any_keeps_the_customer()
    {
        var account = Account();
        Assert.Equal("not_associated", account.CheckCanLeave(0m)!.Code);
        Assert.True(account.AssociateWith(1, Now.AddMonths(-3), frozen: false).IsSuccess);
        Assert.True(account.SetBudget(new BudgetSetting(BudgetType.OneTime, 100m, FreezeOnExhaustion.Manually, false), Now.AddMonths(-2)).IsSuccess);
        var monthStart = new DateTime(2026, 10, 31, 23, 0, 0, DateTimeKind.Utc);

        // A One-time budget's Used reaches back to when it was set; unpaid spend only to the month's start.
        Assert.Equal(Now.AddMonths(-2), account.UsedSince(monthStart));
        Assert.Equal(monthStart, CustomerAccount.UnpaidSince(monthStart));
        Assert.Null(account.CheckCanLeave(0m));
        var refused = account.CheckCanLeave(0.01m)!;
        Assert.Equal("unpaid_spend", refused.Code);
        Assert.Equal("You cannot end the association yet: 0.01 USD of this period's spend is unpaid. Pay it, then ask again.", refused.Message);
    }

    [Fact]
    public void Ending_the_association_ends_the_budget_and_freeze_settings_with_it()
    {
        var account = Account();
        Assert.True(account.AssociateWith(1, Now.AddDays(-10), frozen: false).IsSuccess);
        Assert.True(account.SetBudget(new BudgetSetting(BudgetType.Monthly, 100m, FreezeOnExhaustion.Automatically, false), Now.AddDays(-5)).IsSuccess);
        Assert.True(account.FreezeForExhaustedBudget(Now.AddDays(-1)));

        Assert.Equal("not_associated", account.EndAssociation(2).Error!.Code);
        Assert.True(account.EndAssociation(1).IsSuccess);

        Assert.Equal((null, null, false, BudgetType.None, 0m, FreezeOnExhaustion.Manually, null, null),
            (account.AssociatedPartnerId, account.AssociatedAt, account.IsFrozen, account.BudgetType, account.BudgetAmount,
                account.FreezeOnExhaustion, account.BudgetSetAt, account.AutoFrozenInPeriod));
        Assert.Equal("No budget, not frozen", account.Describe());
    }
}
