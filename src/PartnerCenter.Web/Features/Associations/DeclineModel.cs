using System.ComponentModel.DataAnnotations;

namespace PartnerCenter.Web.Features.Associations;

public sealed class DeclineModel
{
    [Display(Name = "Reason (optional)")]
    public string? Reason { get; set; }
}
