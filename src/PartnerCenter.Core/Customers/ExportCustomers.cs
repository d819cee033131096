using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Customers;

/// <summary>
/// Export on Sales &gt; Customers (partner admins): the list with the page's search, filters and sort, every row, names
/// and emails masked as on the page (never the full value, whatever the user revealed), <em>Used</em> as the page
/// shows it (<see cref="CustomerSpend"/>), audited with the filter used. Rows are streamed (<see cref="ListExport"/>).
/// </summary>
public sealed class ExportCustomers(CustomerQueries queries, ListExport export)
{
    public static readonly IReadOnlyList<string> Columns =
        ["Customer name", "Email", "Associated on (UTC)", "Account", "Budget", "Budget amount (USD)", "Used (USD)"];

    public Task<ExportFile> ExecuteAsync(string userId, int partnerId, CustomerListRequest filter, CancellationToken ct) =>
        export.StartAsync(userId, partnerId, "CustomersExported", nameof(CustomerAccount),
            new { Search = ListExport.Search(filter.Search), filter.Frozen, filter.BudgetSet, filter.OverAlertShare, Sort = filter.Sort.ToString() },
            Columns, queries.ExportAsync(partnerId, filter, ct), row =>
            [
                Masking.Name(row.Name), Masking.Email(row.Email), ListExport.Iso(row.AssociatedAt), row.IsFrozen ? "Frozen" : "Not frozen",
                row.BudgetType switch { BudgetType.None => "Not set", BudgetType.Monthly => "Monthly", _ => "One-time" },
                row.BudgetType == BudgetType.None ? "" : ListExport.Amount(row.BudgetAmount), ListExport.Amount(row.UsedAmount),
            ], ct);
}
