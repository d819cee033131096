namespace PartnerCenter.Web.Features.Customers;

public sealed class FreezeModel
{
    public int Id { get; set; }

    /// <summary>What the user asked for; a stale tab or a double click must not flip the state back.</summary>
    public bool Freeze { get; set; }
    public string? Reason { get; set; }
}
