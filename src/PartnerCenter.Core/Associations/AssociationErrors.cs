using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Associations;

/// <summary>Why an association fails at the moment the customer confirms, with what the partner can do.</summary>
public static class AssociationErrors
{
    public const string SendAgain = "Send the invitation again.";
    public const string CannotAssociate = "This customer cannot be associated.";

    public static readonly Error DifferentEmail = new("different_email",
        "This invitation was sent to a different email address. Sign in or register with the invited address.");
    public static readonly Error PartnerOrApplicant = new("partner_or_applicant",
        "This account is a partner or is applying to become one, so it cannot be associated with a partner.");
    public static readonly Error SpecialContract = new("special_contract",
        "This account has a special contract with the platform, so it cannot be associated with a partner.");
    public static readonly Error InternalAccount = new("internal_account",
        "This account is an internal account, so it cannot be associated with a partner.");
    public static readonly Error IndependentMaster = new("independent_master",
        "This account is an enterprise master with independently accounting members, so it cannot be associated in the reseller model.");
    public static readonly Error ConsentRequired = new("consent_required",
        "Tick the box to confirm you agree to the association.");
    public static readonly Error NotACustomer = new("not_a_customer",
        "Sign in with a customer account to accept this invitation.");

    /// <summary>The operation the partner sees next to a failure in History Records.</summary>
    public static string SuggestionFor(Error error) => error.Code switch
    {
        "link_expired" or "link_used" or "link_not_found" or "link_revoked" or "different_email" => SendAgain,
        _ => CannotAssociate,
    };
}
