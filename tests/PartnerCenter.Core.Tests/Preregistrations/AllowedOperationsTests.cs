using Microsoft.Extensions.Time.Testing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Partners;
using PartnerCenter.Core.Preregistrations;
using static PartnerCenter.Core.Preregistrations.PreregistrationOperations;

namespace PartnerCenter.Core.Tests.Preregistrations;

/// <summary>What a partner may do with a record in each status, and the one home of "can invite".</summary>
public class AllowedOperationsTests
{
    private static readonly Partner Reseller = new() { Id = 1, Name = "Northwind Cloud", BusinessCountries = "DE" };
    private static readonly Partner Prepaid = new() { Id = 1, Name = "Tailspin Prepaid", BusinessCountries = "DE", IsPrepaid = true };
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero));

    private DateTime Now => clock.UtcNow();

    public static TheoryData<string, PreregistrationOperations> Expected => new()
    {
        { "Preregistered", Invite | CreateLink | RequestBackgroundAssociation | Delete | ViewInvitations },
        { "Lapsed", Delete | ViewInvitations },
        { "Pending review", None },
        { "Rejected", Delete },
        { "Associated", ViewInvitations },
        { "Deleted", None },
        { "Not preregistered", None },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_status_allows_exactly_its_operations(string arranged, PreregistrationOperations expected)
    {
        var record = Arrange(arranged);

        Assert.Equal(expected, record.AllowedOperations(Now));
        Assert.Equal(expected.HasFlag(Invite), record.CheckInvitable(Reseller, Now) is null);
        Assert.Equal(expected.HasFlag(RequestBackgroundAssociation), record.CheckCanRequestBackgroundAssociation(Reseller, Now) is null);
        Assert.Equal(expected.HasFlag(Delete), record.Delete(Now).IsSuccess);
    }

    [Fact]
    public void Only_preregistered_customers_can_be_invited_and_the_refusal_names_the_status()
    {
        var error = Arrange("Lapsed").CheckInvitable(Reseller, Now);

        Assert.Equal("not_invitable", error!.Code);
        Assert.Equal("Only Preregistered customers can be invited; this one is Expired.", error.Message);
        Assert.Equal(PreregistrationErrors.NotPreregisteredForBackground, Arrange("Rejected").CheckCanRequestBackgroundAssociation(Reseller, Now));
    }

    [Fact]
    public void A_prepaid_partner_is_refused_first_whatever_the_status()
    {
        Assert.Equal(InvitationErrors.PrepaidPartner, Arrange("Preregistered").CheckInvitable(Prepaid, Now));
        Assert.Equal(InvitationErrors.PrepaidPartner, Arrange("Pending review").CheckInvitable(Prepaid, Now));
        Assert.Equal(InvitationErrors.PrepaidPartner, Arrange("Preregistered").CheckCanRequestBackgroundAssociation(Prepaid, Now));
        Assert.Equal(InvitationErrors.PrepaidPartner, Prepaid.CheckResellerModel());
        Assert.Null(Reseller.CheckResellerModel());
    }

    [Fact]
    public void Associating_a_lapsed_or_prepaid_claim_is_refused_and_changes_nothing()
    {
        var lapsed = Arrange("Lapsed");
        var preregistered = Arrange("Preregistered");

        Assert.Equal("not_invitable", lapsed.MarkAssociated(Reseller, Now).Error!.Code);
        Assert.Equal(InvitationErrors.PrepaidPartner, preregistered.MarkAssociated(Prepaid, Now).Error);
        Assert.Equal(PreregistrationStatus.Preregistered, preregistered.Status);
        Assert.True(preregistered.MarkAssociated(Reseller, Now).IsSuccess);
        Assert.Equal(PreregistrationStatus.Associated, preregistered.Status);
    }

    private Preregistration Arrange(string status)
    {
        Assert.True(MobileNumber.TryParse("+49 1512 3456789", out var mobile));
        var at = Now.AddDays(-1);
        switch (status)
        {
            case "Not preregistered":
                return Preregistration.Historical(1, "old@example.com", "Old Customer", mobile!, at);
            case "Pending review":
            case "Rejected":
                var pending = Preregistration.Submit(1, "p@example.com", "P", mobile!, false, ReviewTrigger.Country, "u1", at, at.AddDays(2));
                if (status == "Rejected")
                {
                    Assert.True(pending.Reject("No.", at).IsSuccess);
                }

                return pending;
        }

        var record = Preregistration.Submit(1, "c@example.com", "C", mobile!, false, ReviewTrigger.None, "u1",
            status == "Lapsed" ? Now - Preregistration.Validity : at);
        if (status == "Associated")
        {
            Assert.True(record.MarkAssociated(Reseller, at).IsSuccess);
        }
        else if (status == "Deleted")
        {
            Assert.True(record.Delete(at).IsSuccess);
        }

        return record;
    }
}
