using PartnerCenter.Core.Customers;

namespace PartnerCenter.Web.Features.Customers;

public sealed class SetBudgetModel
{
    public List<int> Ids { get; set; } = [];
    public BudgetType? Type { get; set; }
    public decimal? Amount { get; set; }
    public FreezeOnExhaustion OnExhaustion { get; set; } = FreezeOnExhaustion.Manually;
    public bool UnfreezeNow { get; set; }
}
