using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Partners;

namespace PartnerCenter.Core.Preregistrations;

/// <summary>What the rules say about one customer for one partner, at one moment.</summary>
public sealed record EligibilityVerdict(IReadOnlyList<Error> Refusals, IReadOnlyList<ReviewTrigger> ReviewTriggers)
{
    public bool IsRefused => Refusals.Count > 0;
    public bool NeedsReview => !IsRefused && ReviewTriggers.Count > 0;
    public ReviewTrigger FirstTrigger => ReviewTriggers.Count > 0 ? ReviewTriggers[0] : ReviewTrigger.None;
}

/// <summary>The conflict rules of docs/domain.md as pure functions of the facts.</summary>
public static class PreregistrationRules
{
    public const int Cap = 100;

    /// <summary>The statuses that count toward <see cref="Cap"/> (the open claims), as the pages name them.</summary>
    public static string CapCounts => CapCountsText.ToString();

    /// <summary>The statuses that count toward <see cref="Cap"/>, each read in the reader's language.</summary>
    public static Phrase CapCountsText { get; } = Phrase.Join(", ", new[]
    {
        PreregistrationStatus.PendingReview, PreregistrationStatus.Preregistered, PreregistrationStatus.ActionRequired, PreregistrationStatus.ExtensionRequested,
    }.Select(s => s.Text()));
    public static readonly TimeSpan DirectSalesAgeLimit = TimeSpan.FromDays(7);

    /// <param name="account">The platform account with that email, if the customer has one.</param>
    /// <param name="heldByAnotherPartner">Another partner has an open (Pending review or valid) preregistration.</param>
    /// <param name="mobileRegion">The mobile number's country, used when there is no account.</param>
    public static EligibilityVerdict Evaluate(
        Partner partner, CustomerAccount? account, bool heldByAnotherPartner, string mobileRegion, DateTime now)
    {
        var refusals = new List<Error>();
        var triggers = new List<ReviewTrigger>();
        if (account is not null)
        {
            if (account.Website == RegistrationWebsite.ChineseMainland)
            {
                refusals.Add(PreregistrationErrors.ChineseMainland);
            }

            if (account.AssociatedPartnerId is { } associated && associated != partner.Id)
            {
                refusals.Add(PreregistrationErrors.AssociatedWithAnotherPartner);
            }
        }

        if (heldByAnotherPartner)
        {
            refusals.Add(PreregistrationErrors.PreregisteredByAnotherPartner);
        }

        if (account is not null)
        {
            AddAccountRefusals(account, refusals);
            if (account.PreregisteredByDirectSales &&
                (now - account.RegisteredAt > DirectSalesAgeLimit || account.HasCashExpenditure))
            {
                triggers.Add(ReviewTrigger.DirectSales);
            }
        }

        var country = account?.CountryCode ?? mobileRegion;
        if (!partner.DevelopsBusinessIn(country))
        {
            triggers.Add(ReviewTrigger.Country);
        }

        if (account?.IsOnlineSalesTeamMember == true)
        {
            triggers.Add(ReviewTrigger.OnlineSalesTeam);
        }

        return new EligibilityVerdict(refusals, triggers);
    }

    private static void AddAccountRefusals(CustomerAccount account, List<Error> refusals)
    {
        if (account.IsConsumerCloudUser)
        {
            refusals.Add(PreregistrationErrors.ConsumerCloudUser);
        }

        if (account.HasSignedContract)
        {
            refusals.Add(PreregistrationErrors.SignedContract);
        }

        if (account.HasCashExpenditure && !account.PreregisteredByDirectSales)
        {
            refusals.Add(PreregistrationErrors.CashExpenditure);
        }

        if (account.EnterpriseMasterLink == EnterpriseMasterLink.UnifiedAccountingMember)
        {
            refusals.Add(PreregistrationErrors.EnterpriseMember);
        }
    }
}
