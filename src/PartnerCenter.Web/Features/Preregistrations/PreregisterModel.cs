using System.ComponentModel.DataAnnotations;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Web.Models;

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

    /// <summary>Set by the "Submit for manual review" button after the review was offered.</summary>
    public bool ConfirmReview { get; set; }
}

public sealed class PreregisterPage
{
    public required PreregisterModel Form { get; init; }
    public IReadOnlyList<ReviewTrigger> OfferedTriggers { get; init; } = [];
    public bool HasReservedContact { get; init; } = true;
    public bool CapReached { get; init; }
}

public sealed class ListQuery
{
    public PreregistrationStatus? Status { get; set; }
    public string? Q { get; set; }
    public string? Sort { get; set; }
    public int Page { get; set; } = 1;

    public bool OldestFirst => Sort == "oldest";
}

public sealed class ListPageModel
{
    public required ListPage Page { get; init; }
    public required ListQuery Query { get; init; }
    public required IReadOnlySet<MaskedColumn> Revealed { get; init; }
    public required DateTime Now { get; init; }
    public IReadOnlyDictionary<Guid, PartnerCenter.Core.Invitations.DeliveryStatus> Delivery { get; init; } = new Dictionary<Guid, PartnerCenter.Core.Invitations.DeliveryStatus>();
    public IReadOnlyDictionary<Guid, PartnerCenter.Core.Associations.BackgroundAssociationTicket> Tickets { get; init; } = new Dictionary<Guid, PartnerCenter.Core.Associations.BackgroundAssociationTicket>();
}

public sealed class HistoryPageModel
{
    public required IReadOnlyList<PartnerCenter.Core.Associations.AssociationAttempt> Rows { get; init; }
    public int Total { get; init; }
    public int Page { get; init; }
}

public sealed record InviteDialogCustomer(Guid Id, string MaskedName);

public sealed class InviteDialogModel
{
    public required IReadOnlyList<InviteDialogCustomer> Customers { get; init; }
    public string? ReturnUrl { get; init; }
    public int LinkLifetimeDays { get; init; }
}

public sealed class LinkQrModel
{
    public required string CustomerName { get; init; }
    public required string Url { get; init; }
    public required DateTime ExpiresAt { get; init; }
    public required string PngDataUri { get; init; }
    public required string SvgDataUri { get; init; }
    public string? ReturnUrl { get; init; }
}

public sealed class AssociateModel
{
    [Display(Name = "I agree to become a customer of this partner on the terms above")]
    public bool Consent { get; set; }
}

public sealed class LandingPageModel
{
    public required string Token { get; init; }
    public required PartnerCenter.Core.Invitations.InvitationLanding Landing { get; init; }
    public required AssociateModel Form { get; init; }
    public bool SignedInAsCustomer { get; init; }
    public bool SignedInOtherwise { get; init; }
}

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

public sealed class RegisterPageModel
{
    public required string Token { get; init; }
    public required PartnerCenter.Core.Invitations.InvitationLanding Landing { get; init; }
    public required RegisterCustomerModel Form { get; init; }
}
