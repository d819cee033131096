using PartnerCenter.Core.Common;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Tests.Preregistrations;

/// <summary>The state of a link (active, used, revoked, expired), its query form, and who may revoke it.</summary>
public class InvitationStateTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 30, 0, DateTimeKind.Utc);

    private static Invitation NewLink()
    {
        Assert.True(MobileNumber.TryParse("+4915123456701", out var mobile));
        var record = Preregistration.Submit(1, "anna@prospects.example", "Anna Schmidt", mobile!, false, ReviewTrigger.None, null, Now);
        var token = Invitation.NewToken();
        return Invitation.Issue(record, InvitationChannel.Link, token, "protected", Now.AddDays(7), null, Now);
    }

    [Fact]
    public void A_link_is_active_until_it_expires_and_the_query_form_agrees_at_every_moment()
    {
        var link = NewLink();
        var activeAt = (DateTime t) => Invitation.ActiveAt(t).Compile()(link);
        foreach (var at in new[] { Now, Now.AddDays(7).AddTicks(-1), Now.AddDays(7), Now.AddDays(8) })
        {
            Assert.Equal(link.StatusAt(at) == InvitationStatus.Active, activeAt(at));
        }

        Assert.Equal(InvitationStatus.Active, link.StatusAt(Now.AddDays(7).AddTicks(-1)));
        Assert.Equal(InvitationStatus.Expired, link.StatusAt(Now.AddDays(7)));
        Assert.Equal(InvitationErrors.Expired, link.ProblemAt(Now.AddDays(7)));
        Assert.Equal(InvitationErrors.NotActive, link.CheckRevocableAt(Now.AddDays(7)));
        Assert.Null(link.CheckRevocableAt(Now));
    }

    [Fact]
    public void A_used_or_revoked_link_keeps_its_state_after_its_expiry_and_cannot_be_revoked()
    {
        var used = NewLink();
        Assert.True(used.MarkUsed(Now).IsSuccess);
        var revoked = NewLink();
        Assert.True(revoked.Revoke(Now));

        Assert.Equal((InvitationStatus.Used, InvitationStatus.Revoked), (used.StatusAt(Now.AddDays(30)), revoked.StatusAt(Now.AddDays(30))));
        Assert.Equal(InvitationErrors.NotActive, used.CheckRevocableAt(Now));
        Assert.Equal(InvitationErrors.NotActive, revoked.CheckRevocableAt(Now));
        Assert.Equal("link_revoked", revoked.ProblemAt(Now)!.Code);
        Assert.False(revoked.Revoke(Now));
    }
}
