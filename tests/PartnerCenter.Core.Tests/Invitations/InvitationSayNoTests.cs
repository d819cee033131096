using PartnerCenter.Core.Common;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Tests.Invitations;

/// <summary>Decline on the entity (docs/domain.md §5.4): only an usable link can be declined, and then it reads as used. (Cancel is Revoke: InvitationStateTests.)</summary>
public class InvitationSayNoTests
{
    private static readonly DateTime Now = new(2031, 3, 3, 9, 0, 0, DateTimeKind.Utc);

    private static Invitation NewLink()
    {
        Assert.True(MobileNumber.TryParse("+49 1512 3456789", out var mobile));
        var record = Preregistration.Submit(1, "jane@example.com", "Jane", mobile!, false, ReviewTrigger.None, "u1", Now);
        return Invitation.Issue(record, InvitationChannel.Link, Invitation.NewToken(), "protected", Now.AddDays(7), "u1", Now);
    }

    [Fact]
    public void Declining_uses_the_link_up_and_keeps_the_trimmed_reason()
    {
        var link = NewLink();

        Assert.True(link.Decline("  not now  ", Now.AddHours(1)).IsSuccess);

        Assert.Equal((InvitationStatus.Declined, "not now", Now.AddHours(1)), (link.Status, link.DeclineReason, link.DeclinedAt!.Value));
        Assert.Equal(InvitationErrors.Used, link.ProblemAt(Now.AddHours(2)));
        Assert.Equal(InvitationErrors.Used, link.Decline(null, Now.AddHours(2)).Error);
        Assert.Equal(InvitationStatus.Declined, link.StatusAt(Now.AddDays(30)));
        Assert.False(Invitation.ActiveAt(Now.AddHours(2)).Compile()(link));
        Assert.Equal(InvitationErrors.NotActive, link.CheckRevocableAt(Now.AddHours(2)));
    }

    [Fact]
    public void An_expired_link_cannot_be_declined_and_a_blank_reason_is_no_reason()
    {
        Assert.Equal(InvitationErrors.Expired, NewLink().Decline("x", Now.AddDays(7)).Error);
        var link = NewLink();
        Assert.True(link.Decline("   ", Now).IsSuccess);
        Assert.Null(link.DeclineReason);
        Assert.Equal(InvitationErrors.DeclineReasonTooLong, NewLink().Decline(new string('x', 501), Now).Error);
    }
}
