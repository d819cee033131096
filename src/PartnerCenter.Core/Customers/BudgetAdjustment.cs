namespace PartnerCenter.Core.Customers;

public enum AdjustmentKind
{
    /// <summary>A new budget setting replaced the earlier one.</summary>
    Budget = 1,
    /// <summary>The partner froze the account.</summary>
    Freeze = 2,
    /// <summary>The partner unfroze the account.</summary>
    Unfreeze = 3,
}

/// <summary>An Adjustment record: who changed a customer's budget or frozen state, when, from what to what.</summary>
public class BudgetAdjustment
{
    public long Id { get; set; }
    public int CustomerAccountId { get; set; }
    public int PartnerId { get; set; }
    public string? ActorUserId { get; set; }
    public DateTime At { get; set; }
    public AdjustmentKind Kind { get; set; }
    public required string Before { get; set; }
    public required string After { get; set; }
    public string? Reason { get; set; }
}
