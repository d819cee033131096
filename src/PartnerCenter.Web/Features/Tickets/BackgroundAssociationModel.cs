namespace PartnerCenter.Web.Features.Tickets;

public sealed class BackgroundAssociationModel
{
    public string? Reason { get; set; }
    public string? Contact { get; set; }
}
