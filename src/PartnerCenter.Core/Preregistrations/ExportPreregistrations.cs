using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Preregistrations;

/// <summary>
/// Export on the Customer Development list (partner admins): the filtered list, every row, names, emails and mobiles
/// masked as on the page (never the full value), audited with the filter used. Rows are streamed, not loaded
/// (<see cref="ListExport"/>).
/// </summary>
public sealed class ExportPreregistrations(PreregistrationQueries queries, ListExport export)
{
    public static readonly IReadOnlyList<string> Columns =
        ["Customer name", "Email", "Mobile number", "Status", "Created (UTC)", "Preregistered (UTC)", "Expires (UTC)"];

    public Task<ExportFile> ExecuteAsync(string userId, int partnerId, ListRequest filter, CancellationToken ct) =>
        export.StartAsync(userId, partnerId, "PreregistrationsExported", nameof(Preregistration),
            new { Status = filter.Status?.ToString(), Search = ListExport.Search(filter.Search), filter.OldestFirst },
            Columns, queries.ExportAsync(partnerId, filter, ct), row =>
            [
                Masking.Name(row.Name), Masking.Email(row.Email), Masking.Mobile(row.MobileE164), row.Status.Label(),
                ListExport.Iso(row.CreatedAt), ListExport.Iso(row.PreregisteredAt), ListExport.Iso(row.ExpiresAt),
            ], ct);
}
