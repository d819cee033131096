using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Partners;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Tests.Preregistrations;

public class PreregistrationRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Partner Northwind = new() { Id = 1, Name = "Northwind Cloud", BusinessCountries = "DE,AT" };

    private static CustomerAccount Account(Action<CustomerAccount>? facts = null)
    {
        var account = new CustomerAccount { Email = "x@customers.example", Name = "X", CountryCode = "DE", RegisteredAt = Now.AddDays(-1) };
        facts?.Invoke(account);
        return account;
    }

    public static TheoryData<string, Action<CustomerAccount>, string> RefusalCauses => new()
    {
        { "Chinese mainland website", a => a.Website = RegistrationWebsite.ChineseMainland, "refused_mainland" },
        { "associated with another partner", a => a.AssociateWith(2, Now, frozen: true), "refused_associated" },
        { "consumer cloud user", a => a.IsConsumerCloudUser = true, "refused_consumer" },
        { "signed contract", a => a.HasSignedContract = true, "refused_contract" },
        { "cash expenditure without direct sales", a => a.HasCashExpenditure = true, "refused_spender" },
        { "enterprise member, unified accounting", a => a.EnterpriseMasterLink = EnterpriseMasterLink.UnifiedAccountingMember, "refused_enterprise_member" },
    };

    [Theory]
    [MemberData(nameof(RefusalCauses))]
    public void Each_refusal_cause_refuses_with_its_own_error(string cause, Action<CustomerAccount> facts, string code)
    {
        var verdict = PreregistrationRules.Evaluate(Northwind, Account(facts), false, "DE", Now);

        Assert.True(verdict.IsRefused, cause);
        Assert.Equal(code, Assert.Single(verdict.Refusals).Code);
    }

    [Fact]
    public void A_customer_held_by_another_partner_is_refused()
    {
        var verdict = PreregistrationRules.Evaluate(Northwind, null, heldByAnotherPartner: true, "DE", Now);

        Assert.Equal(PreregistrationErrors.PreregisteredByAnotherPartner, Assert.Single(verdict.Refusals));
    }

    [Fact]
    public void Every_cause_message_is_distinct()
    {
        Error[] all =
        [
            PreregistrationErrors.ChineseMainland, PreregistrationErrors.AssociatedWithAnotherPartner,
            PreregistrationErrors.PreregisteredByAnotherPartner, PreregistrationErrors.ConsumerCloudUser,
            PreregistrationErrors.SignedContract, PreregistrationErrors.CashExpenditure, PreregistrationErrors.EnterpriseMember,
        ];
        Assert.Equal(7, all.Select(e => e.Message).Distinct().Count());
    }

    [Fact]
    public void Cash_expenditure_preregistered_by_direct_sales_is_reviewed_not_refused()
    {
        var verdict = PreregistrationRules.Evaluate(Northwind, Account(a =>
        {
            a.HasCashExpenditure = true;
            a.PreregisteredByDirectSales = true;
        }), false, "DE", Now);

        Assert.False(verdict.IsRefused);
        Assert.Equal([ReviewTrigger.DirectSales], verdict.ReviewTriggers);
    }

    [Theory]
    [InlineData(7, false)]
    [InlineData(8, true)]
    [InlineData(30, true)]
    public void Direct_sales_customers_need_review_only_when_registered_over_7_days_ago(int daysAgo, bool review)
    {
        var verdict = PreregistrationRules.Evaluate(Northwind, Account(a =>
        {
            a.PreregisteredByDirectSales = true;
            a.RegisteredAt = Now.AddDays(-daysAgo);
        }), false, "DE", Now);

        Assert.Equal(review, verdict.NeedsReview);
    }

    [Fact]
    public void A_customer_account_outside_the_business_countries_needs_review()
    {
        var verdict = PreregistrationRules.Evaluate(Northwind, Account(a => a.CountryCode = "BR"), false, "DE", Now);

        Assert.Equal([ReviewTrigger.Country], verdict.ReviewTriggers);
    }

    [Theory]
    [InlineData("BR", true)]
    [InlineData("AT", false)]
    public void Without_an_account_the_mobile_numbers_country_decides(string mobileRegion, bool review)
    {
        var verdict = PreregistrationRules.Evaluate(Northwind, null, false, mobileRegion, Now);

        Assert.Equal(review, verdict.ReviewTriggers.Contains(ReviewTrigger.Country));
    }

    [Fact]
    public void The_account_country_wins_over_the_mobile_country()
    {
        var verdict = PreregistrationRules.Evaluate(Northwind, Account(a => a.CountryCode = "DE"), false, "BR", Now);

        Assert.False(verdict.NeedsReview);
    }

    [Fact]
    public void Online_sales_team_members_need_review()
    {
        var verdict = PreregistrationRules.Evaluate(Northwind, Account(a => a.IsOnlineSalesTeamMember = true), false, "DE", Now);

        Assert.Equal([ReviewTrigger.OnlineSalesTeam], verdict.ReviewTriggers);
    }

    [Fact]
    public void A_refusal_beats_a_review_trigger()
    {
        var verdict = PreregistrationRules.Evaluate(Northwind, Account(a =>
        {
            a.CountryCode = "BR";
            a.HasSignedContract = true;
        }), false, "DE", Now);

        Assert.True(verdict.IsRefused);
        Assert.False(verdict.NeedsReview);
    }

    [Fact]
    public void An_eligible_customer_in_a_business_country_is_preregistered_directly()
    {
        var verdict = PreregistrationRules.Evaluate(Northwind, Account(), false, "DE", Now);

        Assert.False(verdict.IsRefused);
        Assert.False(verdict.NeedsReview);
    }
}
