using PartnerCenter.Core.Budgets;
using PartnerCenter.Core.Customers;

namespace PartnerCenter.Web.Models;

public sealed class SetBudgetModel
{
    public List<int> Ids { get; set; } = [];
    public BudgetType? Type { get; set; }
    public decimal? Amount { get; set; }
    public FreezeOnExhaustion OnExhaustion { get; set; } = FreezeOnExhaustion.Manually;
    public bool UnfreezeNow { get; set; }
}

public sealed class SetBudgetPage
{
    public required SetBudgetModel Form { get; init; }
    public required IReadOnlyList<CustomerRow> Customers { get; init; }
}

public sealed class FreezeModel
{
    public int Id { get; set; }

    /// <summary>What the user asked for; a stale tab or a double click must not flip the state back.</summary>
    public bool Freeze { get; set; }
    public string? Reason { get; set; }
}

public sealed class FreezePage
{
    public required FreezeModel Form { get; init; }
    public required CustomerRow Customer { get; init; }
}

public sealed class BackgroundAssociationModel
{
    public string? Reason { get; set; }
    public string? Contact { get; set; }
}

public sealed class RejectModel
{
    public Guid Id { get; set; }
    public string? Reason { get; set; }
}

public sealed class LookupPageModel
{
    public string? Email { get; set; }
    public PartnerCenter.Core.Reviews.LookupResult? Result { get; set; }
}
