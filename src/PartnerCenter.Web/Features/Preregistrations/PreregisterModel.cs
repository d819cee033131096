using System.ComponentModel.DataAnnotations;

namespace PartnerCenter.Web.Features.Preregistrations;

public sealed class PreregisterModel
{
    [Display(Name = "Full name")]
    public string? FullName { get; set; }

    [Display(Name = "Email address")]
    public string? Email { get; set; }

    [Display(Name = "Mobile number")]
    public string? Mobile { get; set; }

    [Display(Name = "Send invitation link")]
    public bool SendInvitation { get; set; }

    /// <summary>The language of the customer's invitation emails (en / zh-CN); the form starts with the user's own.</summary>
    [Display(Name = "Language")]
    public string? Language { get; set; }

    /// <summary>Set by the "Submit for manual review" button after the review was offered.</summary>
    public bool ConfirmReview { get; set; }
}
