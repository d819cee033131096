using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Preregistrations;

/// <summary>Every refusal of the preregistration rules, each with its own message (docs/domain.md).</summary>
public static class PreregistrationErrors
{
    public static readonly Error ChineseMainland = new("refused_mainland",
        "This customer is registered on the Chinese mainland website and cannot be preregistered.");
    public static readonly Error AssociatedWithAnotherPartner = new("refused_associated",
        "This customer is already associated with another partner.");
    public static readonly Error PreregisteredByAnotherPartner = new("refused_claimed",
        "This customer has been preregistered by another partner.");
    public static readonly Error ConsumerCloudUser = new("refused_consumer",
        "This customer is a consumer cloud user and cannot be preregistered.");
    public static readonly Error SignedContract = new("refused_contract",
        "This customer has signed contracts with the platform.");
    public static readonly Error CashExpenditure = new("refused_spender",
        "This customer has cash expenditure records and was not preregistered by the platform's direct sales team.");
    public static readonly Error EnterpriseMember = new("refused_enterprise_member",
        "This customer is associated with an enterprise master in the unified accounting model.");

    public static readonly Error AlreadyYourCustomer = new("already_associated",
        "This customer is already your customer.");
    public static readonly Error AlreadyPreregisteredByYou = new("already_preregistered",
        "You have already preregistered this customer; see it in your list.");
    public static readonly Error CapReached = new("cap_reached", new Phrase(
        "You have reached the limit of {0} preregistrations ({1}). Delete some or wait for them to expire before preregistering more.",
        PreregistrationRules.Cap, PreregistrationRules.CapCountsText));
    public static readonly Error NoReservedContact = new("no_reserved_contact",
        "Reserve a contact email address or mobile number on Account Information before preregistering customers.");
    public static readonly Error NotPreregisteredForBackground = new("not_preregistered",
        "Only Preregistered customers can be associated in the background.");

    public static readonly Error ReturnLimitReached = new("return_limit",
        new Phrase("This request has been returned {0} times already; approve or reject it.", Preregistration.MaxReturns));
    public static readonly Error ReturnCommentRequired = Error.InField("Comment", "return_comment_required",
        "Enter the comment the partner will read.");
    public static readonly Error ReturnFieldsRequired = Error.InField("Fields", "return_fields_required",
        "Choose the fields the partner must correct.");
    public static readonly Error FieldNotReturned = new("field_not_returned",
        "Only the fields the ecosystem manager marked can be changed.");

    public static readonly Error ExtensionReasonRequired = Error.InField("Reason", "extension_reason_required",
        "Enter the reason for the extension.");
    public static readonly Error ExtensionAlreadyRequested = new("extension_used",
        "An extension has already been requested for this preregistration; only one is allowed.");

    public static Error ExtensionNotAllowed(PreregistrationStatus status) => new("extension_not_allowed",
        new Phrase("An extension can be requested only for a Preregistered customer in its last {0} days; this one is {1}.",
            (int)Preregistration.ExtensionWindow.TotalDays, status.Text()));

    public static Error NotActionRequired(PreregistrationStatus status) => new("not_action_required",
        new Phrase("Only records in Action required can be corrected and resubmitted; this one is {0}.", status.Text()));

    public static Error CannotDelete(PreregistrationStatus status) => new("cannot_delete",
        new Phrase("A record in status {0} cannot be deleted.", status.Text()));

    public static Error AlreadyDecided(PreregistrationStatus status) => Error.Conflict("already_decided",
        new Phrase("This request has already been decided (now {0}).", status.Text()));

    /// <summary>
    /// The customer needs a manual review for this reason: the request is saved only when the partner
    /// confirms (the page's "Submit for manual review"). One stable code per trigger.
    /// </summary>
    public static Error ReviewNeeded(ReviewTrigger trigger) => new(trigger switch
    {
        ReviewTrigger.DirectSales => "review_direct_sales",
        ReviewTrigger.Country => "review_country",
        ReviewTrigger.OnlineSalesTeam => "review_online_sales_team",
        _ => "review_needed",
    }, new Phrase("This customer needs a manual review: {0}.", trigger.Text()));

    public static Error NotInvitable(PreregistrationStatus status) => new("not_invitable",
        new Phrase("Only Preregistered customers can be invited; this one is {0}.", status.Text()));
}
