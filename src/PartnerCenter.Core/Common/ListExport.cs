using System.Globalization;
using PartnerCenter.Core.Auditing;

namespace PartnerCenter.Core.Common;

/// <summary>A list taken out as a spreadsheet: its column names, and its rows as cells, read only as they are written.</summary>
public sealed record ExportFile(IReadOnlyList<string> Columns, IAsyncEnumerable<IReadOnlyList<string>> Rows);

/// <summary>
/// The one way a partner admin's export of a list starts (Customer Development, Customers): the audit row with the
/// filter used is saved first, then the rows stream from the list's query while the download is written (constant
/// memory, any number of rows). Which columns a list exports, and that personal data is masked, is its use case's.
/// </summary>
public sealed class ListExport(IAppDb db, AuditLog audit)
{
    /// <param name="filter">What the audit row records as "after": the list's filter, never a search term itself.</param>
    public async Task<ExportFile> StartAsync<T>(string userId, int partnerId, string action, string entityType, object filter,
        IReadOnlyList<string> columns, IAsyncEnumerable<T> rows, Func<T, IReadOnlyList<string>> cells, CancellationToken ct)
    {
        audit.Record(userId, partnerId, action, entityType, null, after: filter);
        await db.SaveChangesAsync(ct);
        return new ExportFile(columns, rows.Select(cells));
    }

    /// <summary>How an audit row records a search: only whether one was set (the term may be a name or an email).</summary>
    public static string? Search(string? term) => string.IsNullOrWhiteSpace(term) ? null : "(set)";

    /// <summary>A moment as a spreadsheet reads it unambiguously: ISO 8601 in UTC.</summary>
    public static string Iso(DateTime? utc) => utc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    /// <summary>An amount as a spreadsheet reads it in any locale: two decimals, a dot, no thousands separator.</summary>
    public static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
