using System.ComponentModel.DataAnnotations;

namespace PartnerCenter.Web.Features.Profile;

public sealed class ProfileModel
{
    [Display(Name = "Language")]
    public string? Language { get; set; }

    [Display(Name = "Time zone")]
    public string? TimeZoneId { get; set; }

    [Display(Name = "Email me when a review is decided")]
    public bool EmailOnReviewDecided { get; set; } = true;

    [Display(Name = "Email me when a customer is associated")]
    public bool EmailOnCustomerAssociated { get; set; } = true;

    [Display(Name = "Remind me before my preregistrations lapse")]
    public bool ClaimReminders { get; set; } = true;

    /// <summary>Partner users choose which partner emails they get; other users have none.</summary>
    public bool ShowsEmailPreferences { get; set; }

    /// <summary>What the empty choice means for this user, e.g. "your partner's zone, (UTC+01:00) Europe/Berlin".</summary>
    public string DefaultDescription { get; set; } = "";
}
