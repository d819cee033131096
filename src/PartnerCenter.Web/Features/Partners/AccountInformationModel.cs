using System.ComponentModel.DataAnnotations;

namespace PartnerCenter.Web.Features.Partners;

public sealed class AccountInformationModel
{
    public string PartnerName { get; set; } = "";

    [Display(Name = "Contact email address")]
    public string? ReservedEmail { get; set; }

    [Display(Name = "Contact mobile number")]
    public string? ReservedMobile { get; set; }

    public bool CanEdit { get; set; }
}
