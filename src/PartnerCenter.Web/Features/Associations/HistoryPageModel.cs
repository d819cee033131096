using PartnerCenter.Core.Associations;

namespace PartnerCenter.Web.Features.Associations;

public sealed class HistoryPageModel
{
    public required IReadOnlyList<AssociationAttempt> Rows { get; init; }
    public int Total { get; init; }
    public int Page { get; init; }
    public bool FailedOnly { get; init; }
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)AssociationQueries.HistoryPageSize));
}
