using System.ComponentModel.DataAnnotations;

namespace PartnerCenter.Web.Features.Associations;

public sealed class RegisterCustomerModel
{
    [Display(Name = "Full name")]
    public string? FullName { get; set; }

    [Display(Name = "Email address")]
    public string? Email { get; set; }

    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [DataType(DataType.Password)]
    [Display(Name = "Confirm password")]
    public string? ConfirmPassword { get; set; }
}
