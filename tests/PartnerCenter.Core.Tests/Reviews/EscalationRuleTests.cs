using PartnerCenter.Core.Common;
using PartnerCenter.Core.Dashboard;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Core.Reviews;

namespace PartnerCenter.Core.Tests.Reviews;

/// <summary>
/// Issue 17, Escalation: which review round is open and of what kind, when it is overdue and when it is escalated (one
/// working day past its target, counted as the target is), and whether a decision was within target.
/// </summary>
public class EscalationRuleTests
{
    // Wednesday 2031-03-12 15:00 UTC: + 2 working days is Friday 15:00.
    private static readonly DateTime Submitted = new(2031, 3, 12, 15, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime FridayDue = new(2031, 3, 14, 15, 0, 0, DateTimeKind.Utc);
    private static readonly WorkingDays Calendar = new([new DateOnly(2031, 3, 17)], TimeZoneInfo.Utc);

    private static Preregistration PendingReview()
    {
        Assert.True(MobileNumber.TryParse("+55 11 91234-5678", out var mobile));
        return Preregistration.Submit(1, "rafael@example.com", "Rafael", mobile!, false, ReviewTrigger.Country, "u1", Submitted, FridayDue);
    }

    [Fact]
    public void A_manual_review_opens_at_submission_with_its_target()
    {
        Assert.Equal(new ReviewRound(ReviewKind.ManualReview, Submitted, FridayDue), PendingReview().OpenReview);
    }

    [Fact]
    public void A_resubmission_is_a_fresh_round_with_a_fresh_target_and_a_decided_record_has_none()
    {
        var record = PendingReview();
        Assert.True(record.ReturnForEdits("Check the name", ReturnFields.Name, Submitted.AddHours(1), Submitted.AddDays(7)).IsSuccess);
        Assert.Null(record.OpenReview);
        var resubmitted = Submitted.AddDays(1);
        Assert.True(record.Resubmit("Rafael Lima", null, resubmitted, resubmitted.AddDays(2)).IsSuccess);
        Assert.Equal(new ReviewRound(ReviewKind.Resubmission, resubmitted, resubmitted.AddDays(2)), record.OpenReview);
        Assert.True(record.Approve(resubmitted.AddDays(1)).IsSuccess);
        Assert.Null(record.OpenReview);
    }

    [Fact]
    public void An_extension_request_is_a_round_of_its_own()
    {
        Assert.True(MobileNumber.TryParse("+49 1512 3456789", out var mobile));
        var claim = Preregistration.Submit(1, "x@example.com", "X", mobile!, false, ReviewTrigger.None, "u1", Submitted);
        var asked = Submitted.AddDays(12);
        Assert.True(claim.RequestExtension("Board meeting", asked, asked.AddDays(2)).IsSuccess);
        Assert.Equal(new ReviewRound(ReviewKind.Extension, asked, asked.AddDays(2)), claim.OpenReview);
    }

    [Fact]
    public void Overdue_from_the_target_on()
    {
        var round = PendingReview().OpenReview!;
        Assert.False(round.IsOverdueAt(FridayDue.AddTicks(-1)));
        Assert.True(round.IsOverdueAt(FridayDue));
    }

    [Fact]
    public void Escalated_one_working_day_past_the_target_skipping_weekends_and_holidays()
    {
        // Due Friday 15:00; Saturday, Sunday and the holiday Monday do not count: escalated Tuesday 15:00.
        var round = PendingReview().OpenReview!;
        var tuesday = new DateTime(2031, 3, 18, 15, 0, 0, DateTimeKind.Utc);
        Assert.Equal(tuesday, round.EscalatesAt(Calendar));
        Assert.False(round.IsEscalationDueAt(tuesday.AddTicks(-1), Calendar));
        Assert.True(round.IsEscalationDueAt(tuesday, Calendar));
        Assert.Equal(new DateTime(2031, 3, 17, 15, 0, 0, DateTimeKind.Utc), round.EscalatesAt(new WorkingDays([], TimeZoneInfo.Utc)));
    }

    [Fact]
    public void A_decision_at_the_target_is_within_it_and_a_moment_later_is_not()
    {
        var round = PendingReview().OpenReview!;
        Assert.True(ReviewDecision.Of(Guid.NewGuid(), 1, round, ReviewOutcome.Approved, FridayDue, "em").WithinTarget);
        var late = ReviewDecision.Of(Guid.NewGuid(), 1, round, ReviewOutcome.Rejected, FridayDue.AddSeconds(1), "em");
        Assert.False(late.WithinTarget);
        Assert.Equal((ReviewKind.ManualReview, Submitted, FridayDue), (late.Kind, late.OpenedAt, late.DueAt));
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(2, 3, 67)]
    [InlineData(1, 8, 13)]
    [InlineData(3, 3, 100)]
    public void The_share_decided_within_target_is_whole_percent_and_null_when_nothing_was_decided(int within, int decided, int? percent)
    {
        Assert.Equal(percent, new DecidedWithinTarget(within, decided).Percent);
    }

    [Theory]
    [InlineData(InvitationChannel.Email, InvitationStatus.Active, true, true)]
    [InlineData(InvitationChannel.Link, InvitationStatus.Active, false, true)]
    [InlineData(InvitationChannel.Email, InvitationStatus.Used, false, false)]
    [InlineData(InvitationChannel.Email, InvitationStatus.Revoked, false, false)]
    public void An_active_email_invitation_is_cancelled_and_an_active_link_revoked(InvitationChannel channel, InvitationStatus state, bool cancel, bool revoke)
    {
        var link = new InvitationHistoryLink(Guid.NewGuid(), channel, Submitted, Submitted.AddDays(7), state);
        Assert.Equal((cancel, revoke), (link.CanCancel, link.CanRevoke));
    }
}
