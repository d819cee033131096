using PartnerCenter.Core.Common;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Tests.Invitations;

/// <summary>Decline and Cancel on the entity (docs/domain.md §4.6, §5.4): only an usable, Active link moves, and then it is dead.</summary>
public class InvitationSayNoTests
{
    private static readonly DateTime Now = new(2031, 3, 3, 9, 0, 0, DateTimeKind.Utc);

    private static Invitation NewLink()
    {
        Assert.True(MobileNumber.TryParse("+49 1512 3456789", out var mobile));
        var record = Preregistration.Submit(1, "jane@example.com", "Jane", mobile!, false, ReviewTrigger.None, "u1", Now);
        return Invitation.Issue(record, InvitationChannel.Link, Invitation.NewToken(), Now.AddDays(7), "u1", Now);
    }

    [Fact]
    public void Declining_uses_the_link_up_and_keeps_the_trimmed_reason()
    {
        var link = NewLink();

        Assert.True(link.Decline("  not now  ", Now.AddHours(1)).IsSuccess);

        Assert.Equal((InvitationStatus.Declined, "not now", Now.AddHours(1)), (link.Status, link.DeclineReason, link.DeclinedAt!.Value));
        Assert.Equal(InvitationErrors.Used, link.ProblemAt(Now.AddHours(2)));
        Assert.Equal(InvitationErrors.Used, link.Decline(null, Now.AddHours(2)).Error);
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

    [Fact]
    public void Cancelling_kills_an_active_link_at_once_and_only_an_active_one()
    {
        var link = NewLink();

        Assert.True(link.Cancel(Now.AddMinutes(5)).IsSuccess);

        Assert.Equal(InvitationErrors.NotFound, link.ProblemAt(Now.AddMinutes(5)));
        Assert.Equal("not_cancellable", link.Cancel(Now.AddMinutes(6)).Error!.Code);
        var declined = NewLink();
        declined.Decline(null, Now);
        Assert.Equal("not_cancellable", declined.Cancel(Now).Error!.Code);
    }
}
