using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Invitations;

public static class InvitationErrors
{
    private const string AskAgain = " Ask the partner who invited you to send a new invitation.";

    public static readonly Error NotFound = new("link_not_found", "This invitation link does not exist." + AskAgain, ErrorKind.Rule);
    public static readonly Error Expired = new("link_expired", "This invitation link has expired." + AskAgain);
    public static readonly Error Used = new("link_used", "This invitation link has already been used." + AskAgain);

    /// <summary>A revoked link reads as not valid: the customer learns nothing about why.</summary>
    public static readonly Error Revoked = new("link_revoked", "This invitation link is no longer valid." + AskAgain);

    /// <summary>The partner tried to revoke a link that is no longer active (used, revoked or expired meanwhile).</summary>
    public static readonly Error NotActive = Error.Conflict("link_not_active", "This link is no longer active, so there is nothing to revoke.");

    public static readonly Error PrepaidPartner = new("prepaid_partner",
        "A prepaid partner cannot develop customers in the reseller model, so invitations cannot be sent.");

    public static readonly Error DeclineReasonTooLong = new("reason_too_long",
        new Phrase("The reason can have at most {0} characters.", Invitation.DeclineReasonMaxLength));

    public static readonly Error NothingSelected = new("nothing_selected", "Select at least one customer to invite.");
}
