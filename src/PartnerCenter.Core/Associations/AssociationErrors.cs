using PartnerCenter.Core.Common;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Associations;

/// <summary>
/// One reason an association failed, told to each of its two readers in their own words: the customer
/// who tried (what they can do now) and the partner who invited them (what happened, in History Records).
/// </summary>
/// <param name="Code">The stable code: what History Records stores, so every row reads from this catalogue.</param>
/// <param name="SuggestedOperation">What the partner can do, shown next to the failure in History Records.</param>
/// <remarks>The texts are kept as <see cref="Phrase"/>s and read in the reader's language.</remarks>
public sealed record AssociationFailure(string Code, Phrase CustomerText, Phrase PartnerText, Phrase SuggestionText)
{
    public string ForCustomer => CustomerText.ToString();
    public string ForPartner => PartnerText.ToString();
    public string SuggestedOperation => SuggestionText.ToString();
}

/// <summary>Why an association fails at the moment the customer confirms, with what each reader can do (docs/domain.md §5.3).</summary>
public static class AssociationErrors
{
    public const string SendAgain = "Send the invitation again.";
    public const string CannotAssociate = "This customer cannot be associated.";

    /// <summary>What a customer can do when nothing on their side can change the outcome.</summary>
    public const string ContactPartner = " Contact the partner who invited you if you have questions.";

    private static Phrase WithContact(string english) => Phrase.Join(" ", [english, ContactPartner.Trim()]);

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

    /// <summary>The one catalogue: each failure that History Records can hold, with both readers' texts.</summary>
    private static readonly AssociationFailure[] Catalogue =
    [
        new(InvitationErrors.NotFound.Code, InvitationErrors.NotFound.Text,
            "The customer opened a link that does not exist. Send a new invitation.", SendAgain),
        new(InvitationErrors.Revoked.Code, InvitationErrors.Revoked.Text,
            "The customer opened a link that you revoked or replaced. Send a new invitation.", SendAgain),
        new(InvitationErrors.Expired.Code, InvitationErrors.Expired.Text,
            "The customer opened an expired link. Send a new invitation.", SendAgain),
        new(InvitationErrors.Used.Code, InvitationErrors.Used.Text,
            "The customer opened a link that had already been used. Send a new invitation.", SendAgain),
        new(DifferentEmail.Code, DifferentEmail.Text,
            "The customer signed in with an email address other than the one you preregistered. Send a new invitation and ask them to use that address.", SendAgain),
        new(InvitationErrors.PrepaidPartner.Code,
            WithContact("This partner cannot take on customers through invitations at the moment, so the invitation cannot be accepted."),
            InvitationErrors.PrepaidPartner.Text, CannotAssociate),
        new("not_invitable", InvitationErrors.Expired.Text,
            "The preregistration was no longer Preregistered when the customer confirmed.", CannotAssociate),
        new(PreregistrationErrors.ChineseMainland.Code,
            WithContact("Your account is registered on the Chinese mainland website, so it cannot become a partner's customer."),
            PreregistrationErrors.ChineseMainland.Text, CannotAssociate),
        new(PreregistrationErrors.AssociatedWithAnotherPartner.Code,
            "Your account is already the customer of another partner. To change partners, ask your current partner to end the association first.",
            PreregistrationErrors.AssociatedWithAnotherPartner.Text, CannotAssociate),
        new(PreregistrationErrors.PreregisteredByAnotherPartner.Code,
            WithContact("Another partner holds a preregistration for your account, so this invitation cannot be accepted."),
            PreregistrationErrors.PreregisteredByAnotherPartner.Text, CannotAssociate),
        new(PreregistrationErrors.ConsumerCloudUser.Code,
            WithContact("Your account is a consumer cloud account, which cannot become a partner's customer."),
            PreregistrationErrors.ConsumerCloudUser.Text, CannotAssociate),
        new(PreregistrationErrors.SignedContract.Code,
            WithContact("Your account has signed contracts with the platform, so it cannot become a partner's customer."),
            PreregistrationErrors.SignedContract.Text, CannotAssociate),
        new(PreregistrationErrors.CashExpenditure.Code,
            WithContact("Your account has cash expenditure records, so it cannot become a partner's customer through this invitation."),
            PreregistrationErrors.CashExpenditure.Text, CannotAssociate),
        new(PreregistrationErrors.EnterpriseMember.Code,
            "Your account is a member of an enterprise in the unified accounting model, so it cannot become a partner's customer. Ask your enterprise's administrator.",
            PreregistrationErrors.EnterpriseMember.Text, CannotAssociate),
        new(PreregistrationErrors.AlreadyYourCustomer.Code,
            "Your account is already a customer of this partner. There is nothing more to do.",
            PreregistrationErrors.AlreadyYourCustomer.Text, CannotAssociate),
        new(PartnerOrApplicant.Code,
            WithContact("Your account is a partner account or is applying to become one, so it cannot become a partner's customer."),
            PartnerOrApplicant.Text, CannotAssociate),
        new(SpecialContract.Code,
            WithContact("Your account has a special contract with the platform, so it cannot become a partner's customer."),
            SpecialContract.Text, CannotAssociate),
        new(InternalAccount.Code,
            WithContact("This is an internal account, so it cannot become a partner's customer."),
            InternalAccount.Text, CannotAssociate),
        new(IndependentMaster.Code,
            WithContact("Your account is an enterprise master with independently accounting members, so it cannot become a partner's customer in the reseller model."),
            IndependentMaster.Text, CannotAssociate),
    ];

    private static readonly Dictionary<string, AssociationFailure> ByCode = Catalogue.ToDictionary(f => f.Code, StringComparer.Ordinal);

    /// <summary>
    /// What rows written before codes were stored hold: the text the customer was shown then (the
    /// errors' own messages). Read through this, an old row speaks to the partner like a new one.
    /// </summary>
    private static readonly Dictionary<string, AssociationFailure> ByLegacyText = new[]
        {
            InvitationErrors.NotFound, InvitationErrors.Revoked, InvitationErrors.Expired, InvitationErrors.Used, DifferentEmail, InvitationErrors.PrepaidPartner,
            PreregistrationErrors.ChineseMainland, PreregistrationErrors.AssociatedWithAnotherPartner, PreregistrationErrors.PreregisteredByAnotherPartner,
            PreregistrationErrors.ConsumerCloudUser, PreregistrationErrors.SignedContract, PreregistrationErrors.CashExpenditure,
            PreregistrationErrors.EnterpriseMember, PreregistrationErrors.AlreadyYourCustomer,
            PartnerOrApplicant, SpecialContract, InternalAccount, IndependentMaster,
        }
        .ToDictionary(e => e.Text.Template, e => ByCode[e.Code], StringComparer.Ordinal);

    /// <summary>Both readers' texts for a failure code; an unknown code gets general texts.</summary>
    public static AssociationFailure Describe(string code) =>
        ByCode.GetValueOrDefault(code)
        ?? new AssociationFailure(code, WithContact("This invitation cannot be accepted."), "The customer could not be associated.", CannotAssociate);

    /// <summary>
    /// Reads what a History Records row stores: the failure's code, or, in rows written before codes
    /// were stored, the customer's text of that time.
    /// </summary>
    public static AssociationFailure FromStored(string stored) =>
        ByCode.GetValueOrDefault(stored)
        ?? ByLegacyText.GetValueOrDefault(stored)
        ?? (stored.StartsWith("Only Preregistered customers can be invited", StringComparison.Ordinal) ? ByCode["not_invitable"] : null)
        ?? Describe(stored);

    /// <summary>The error as the customer who tried to associate reads it: same code, the customer's words.</summary>
    public static Error ForCustomer(Error error) =>
        ByCode.TryGetValue(error.Code, out var failure) && !failure.CustomerText.Equals(error.Text) ? error with { Text = failure.CustomerText } : error;

    /// <summary>The operation the partner sees next to a failure in History Records.</summary>
    public static string SuggestionFor(Error error) => Describe(error.Code).SuggestedOperation;
}
