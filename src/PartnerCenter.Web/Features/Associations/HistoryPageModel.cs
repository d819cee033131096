namespace PartnerCenter.Web.Features.Associations;

public sealed class HistoryPageModel
{
    public required IReadOnlyList<PartnerCenter.Core.Associations.AssociationAttempt> Rows { get; init; }
    public int Total { get; init; }
    public int Page { get; init; }
}
