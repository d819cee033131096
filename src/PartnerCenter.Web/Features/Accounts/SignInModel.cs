using System.ComponentModel.DataAnnotations;

namespace PartnerCenter.Web.Models;

public sealed class SignInModel
{
    [Display(Name = "Email address")]
    public string? Email { get; set; }

    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "Keep me signed in")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class AccountInformationModel
{
    public string PartnerName { get; set; } = "";

    [Display(Name = "Contact email address")]
    public string? ReservedEmail { get; set; }

    [Display(Name = "Contact mobile number")]
    public string? ReservedMobile { get; set; }

    public bool CanEdit { get; set; }
}

public sealed record HomeModel(string? PartnerName, PartnerCenter.Core.Partners.EcosystemManagerContact? EcosystemManager);
