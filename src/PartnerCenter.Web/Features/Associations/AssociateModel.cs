using System.ComponentModel.DataAnnotations;

namespace PartnerCenter.Web.Features.Associations;

public sealed class AssociateModel
{
    [Display(Name = "I agree to become a customer of this partner on the terms above")]
    public bool Consent { get; set; }
}
