using System.Globalization;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Preregistrations;

/// <summary>
/// Export on the Customer Development list (partner admins): the filtered list, every row, names, emails and mobiles
/// masked as on the page (never the full value), audited with the filter used. Rows are streamed, not loaded.
/// </summary>
public sealed class ExportPreregistrations(IAppDb db, PreregistrationQueries queries, AuditLog audit)
{
    public static readonly IReadOnlyList<string> Columns =
        ["Customer name", "Email", "Mobile number", "Status", "Created (UTC)", "Preregistered (UTC)", "Expires (UTC)"];

    public async Task<IAsyncEnumerable<IReadOnlyList<string>>> ExecuteAsync(string userId, int partnerId, ListRequest filter, CancellationToken ct)
    {
        audit.Record(userId, partnerId, "PreregistrationsExported", nameof(Preregistration), null,
            after: new { Status = filter.Status?.ToString(), Search = filter.Search is { Length: > 0 } ? "(set)" : null, filter.OldestFirst });
        await db.SaveChangesAsync(ct);
        return Rows(partnerId, filter, ct);
    }

    private async IAsyncEnumerable<IReadOnlyList<string>> Rows(int partnerId, ListRequest filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in queries.ExportAsync(partnerId, filter, ct))
        {
            yield return
            [
                Masking.Name(row.Name), Masking.Email(row.Email), Masking.Mobile(row.MobileE164), row.Status.Label(),
                Iso(row.CreatedAt), Iso(row.PreregisteredAt), Iso(row.ExpiresAt),
            ];
        }
    }

    /// <summary>A moment as a spreadsheet reads it unambiguously: ISO 8601 in UTC.</summary>
    public static string Iso(DateTime? utc) => utc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
