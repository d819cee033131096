namespace PartnerCenter.Web.Features.Reviews;

/// <summary>The reason form of a refusal: rejecting a review here, declining a background association ticket in Tickets.</summary>
public sealed class RejectModel
{
    public Guid Id { get; set; }
    public string? Reason { get; set; }
}
