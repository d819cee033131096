namespace PartnerCenter.Core.Customers;

/// <summary>
/// A threshold a customer's spend reached in one alert window: written once, with the partner's email
/// and (at 100%, Automatically) the freeze. The unique key (account, window, level) makes "once" hold
/// across app instances.
/// </summary>
public class BudgetAlert
{
    public long Id { get; set; }
    public int CustomerAccountId { get; set; }
    public int PartnerId { get; set; }

    /// <summary><see cref="CustomerAccount.AlertWindow"/> when it fired (UTC).</summary>
    public DateTime WindowStart { get; set; }
    public BudgetLevel Level { get; set; }
    public DateTime At { get; set; }

    /// <summary>Spend in the period when the threshold was reached, and the budget then (USD).</summary>
    public decimal Used { get; set; }
    public decimal Budget { get; set; }

    /// <summary>Whether the account was frozen automatically at this alert.</summary>
    public bool Froze { get; set; }
}
