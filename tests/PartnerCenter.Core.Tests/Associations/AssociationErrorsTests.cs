using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Tests.Associations;

/// <summary>One association failure, two readers: the customer reads what they can do, the partner what happened.</summary>
public class AssociationErrorsTests
{
    /// <summary>Every failure an association can record (docs/domain.md §5.3).</summary>
    public static TheoryData<string> StoredCodes => new()
    {
        "link_not_found", "link_expired", "link_used", "different_email", "prepaid_partner", "not_invitable",
        "refused_mainland", "refused_associated", "refused_claimed", "refused_consumer", "refused_contract", "refused_spender",
        "refused_enterprise_member", "already_associated", "partner_or_applicant", "special_contract", "internal_account", "independent_master",
    };

    [Theory]
    [MemberData(nameof(StoredCodes))]
    public void Each_failure_has_a_text_for_each_reader_and_neither_reads_the_others(string code)
    {
        var failure = AssociationErrors.Describe(code);

        Assert.Equal(code, failure.Code);
        Assert.NotEqual(failure.ForCustomer, failure.ForPartner);
        // Customer texts speak to the customer; partner texts never tell the partner to ask a partner.
        Assert.DoesNotContain("Ask the partner who invited you", failure.ForPartner, StringComparison.Ordinal);
        Assert.DoesNotContain("Contact the partner who invited you", failure.ForPartner, StringComparison.Ordinal);
        Assert.DoesNotContain("This customer", failure.ForCustomer, StringComparison.Ordinal);
        Assert.DoesNotContain("prepaid", failure.ForCustomer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("invitations cannot be sent", failure.ForCustomer, StringComparison.Ordinal);
        Assert.Contains(failure.SuggestedOperation, new[] { AssociationErrors.SendAgain, AssociationErrors.CannotAssociate });
    }

    [Fact]
    public void The_partner_reads_an_expired_link_in_their_own_words()
    {
        var expired = AssociationErrors.Describe("link_expired");

        Assert.Equal("The customer opened an expired link. Send a new invitation.", expired.ForPartner);
        Assert.Equal("This invitation link has expired. Ask the partner who invited you to send a new invitation.", expired.ForCustomer);
        Assert.Equal(AssociationErrors.SendAgain, expired.SuggestedOperation);
    }

    [Fact]
    public void A_prepaid_partner_is_a_reason_for_the_partner_and_a_next_step_for_the_customer()
    {
        var forCustomer = AssociationErrors.ForCustomer(InvitationErrors.PrepaidPartner);

        Assert.Equal("prepaid_partner", forCustomer.Code);
        Assert.EndsWith("Contact the partner who invited you if you have questions.", forCustomer.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("prepaid", forCustomer.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(InvitationErrors.PrepaidPartner.Message, AssociationErrors.Describe("prepaid_partner").ForPartner);
    }

    [Fact]
    public void Errors_outside_the_catalogue_reach_the_customer_unchanged()
    {
        Assert.Same(AssociationErrors.ConsentRequired, AssociationErrors.ForCustomer(AssociationErrors.ConsentRequired));
        Assert.Same(InvitationErrors.Expired, AssociationErrors.ForCustomer(InvitationErrors.Expired));
    }

    /// <summary>Rows written before codes were stored hold the customer's text of that time: they read right too.</summary>
    public static TheoryData<string, string> LegacyRows => new()
    {
        { InvitationErrors.Expired.Message, "link_expired" },
        { InvitationErrors.Used.Message, "link_used" },
        { InvitationErrors.NotFound.Message, "link_not_found" },
        { AssociationErrors.DifferentEmail.Message, "different_email" },
        { InvitationErrors.PrepaidPartner.Message, "prepaid_partner" },
        { PreregistrationErrors.ChineseMainland.Message, "refused_mainland" },
        { AssociationErrors.InternalAccount.Message, "internal_account" },
        { PreregistrationErrors.NotInvitable(PreregistrationStatus.Expired).Message, "not_invitable" },
    };

    [Theory]
    [MemberData(nameof(LegacyRows))]
    public void An_old_row_with_the_customers_text_reads_in_the_partners_words(string stored, string code)
    {
        var failure = AssociationErrors.FromStored(stored);

        Assert.Equal(code, failure.Code);
        Assert.Equal(AssociationErrors.Describe(code), failure);
        Assert.DoesNotContain("Ask the partner who invited you", failure.ForPartner, StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_row_stores_the_code_and_reads_both_texts_from_the_catalogue()
    {
        var record = Preregistration.Submit(1, "ana@example.com", "Ana", PhoneNumberFor("+4915123456789"), false, ReviewTrigger.None, "u",
            new DateTime(2031, 3, 14, 9, 0, 0, DateTimeKind.Utc), null);

        var failed = AssociationAttempt.Failed(record, DateTime.UnixEpoch, InvitationErrors.Expired);
        var succeeded = AssociationAttempt.Success(record, DateTime.UnixEpoch, "note");

        Assert.Equal("link_expired", failed.Cause);
        Assert.Equal("The customer opened an expired link. Send a new invitation.", failed.Failure!.ForPartner);
        Assert.Equal(AssociationErrors.SendAgain, failed.PartnerSuggestion);
        Assert.Null(succeeded.Failure);
        Assert.Equal("note", succeeded.PartnerSuggestion);
    }

    private static MobileNumber PhoneNumberFor(string e164) =>
        MobileNumber.TryParse(e164, out var mobile) ? mobile! : throw new ArgumentException(e164);
}
