using Microsoft.Extensions.Time.Testing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Tests.Preregistrations;

/// <summary>Issue 17, Return for edits: Pending review → Action required → (resubmit) Pending review; at most 2 returns; lapses.</summary>
public class ReturnForEditsTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero));

    private DateTime Now => clock.UtcNow();

    private static MobileNumber Mobile(string text)
    {
        Assert.True(MobileNumber.TryParse(text, out var mobile));
        return mobile!;
    }

    private Preregistration PendingReview() =>
        Preregistration.Submit(1, "jane@example.com", "Jane Doe", Mobile("+49 1512 3456789"), false, ReviewTrigger.Country, "u1", Now, Now.AddDays(2));

    [Fact]
    public void Returning_makes_it_Action_required_with_the_comment_and_fields_and_it_keeps_its_claim_until_the_deadline()
    {
        var record = PendingReview();
        var due = Now.AddDays(7);

        var returned = record.ReturnForEdits("  Please give the full legal name.  ", ReturnFields.Name, Now, due, "em");

        Assert.True(returned.IsSuccess);
        Assert.Equal(PreregistrationStatus.ActionRequired, record.Status);
        Assert.Equal("Please give the full legal name.", record.ReturnComment);
        Assert.Equal(ReturnFields.Name, record.ReturnFields);
        Assert.Equal(1, record.ReturnCount);
        Assert.Equal(due, record.ExpiresAt);
        Assert.True(record.IsOpenAt(Now));
        Assert.Equal(PreregistrationOperations.Resubmit | PreregistrationOperations.Delete, record.AllowedOperations(Now));
        Assert.NotNull(record.CheckInvitable(new Partners.Partner { Id = 1, Name = "N", BusinessCountries = "DE" }, Now));

        clock.Advance(due - Now - TimeSpan.FromMinutes(1));
        Assert.Equal(PreregistrationStatus.ActionRequired, record.StatusAt(Now));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(PreregistrationStatus.Expired, record.StatusAt(Now));
        Assert.False(record.IsOpenAt(Now));
        Assert.True(record.MarkExpiredIfLapsed(Now));
        Assert.Equal(PreregistrationStatus.Expired, record.Status);
    }

    [Fact]
    public void A_return_needs_a_comment_and_at_least_one_of_name_and_mobile()
    {
        var record = PendingReview();

        Assert.Equal(PreregistrationErrors.ReturnCommentRequired, record.ReturnForEdits("  ", ReturnFields.Name, Now, Now.AddDays(7)).Error);
        Assert.Equal(PreregistrationErrors.ReturnCommentRequired, record.ReturnForEdits(new string('x', 501), ReturnFields.Name, Now, Now.AddDays(7)).Error);
        Assert.Equal(PreregistrationErrors.ReturnFieldsRequired, record.ReturnForEdits("Fix it", ReturnFields.None, Now, Now.AddDays(7)).Error);
        Assert.Equal(PreregistrationErrors.ReturnFieldsRequired, record.ReturnForEdits("Fix it", (ReturnFields)4, Now, Now.AddDays(7)).Error);
        Assert.Equal(PreregistrationStatus.PendingReview, record.Status);
        Assert.Equal(0, record.ReturnCount);
    }

    [Fact]
    public void Resubmitting_changes_only_the_marked_fields_and_puts_it_back_in_review_with_a_fresh_target()
    {
        var record = PendingReview();
        record.ReturnForEdits("Wrong mobile", ReturnFields.Mobile, Now, Now.AddDays(7));
        clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(PreregistrationErrors.FieldNotReturned, record.Resubmit("Someone Else", null, Now, Now.AddDays(2)).Error);
        Assert.Equal(PreregistrationStatus.ActionRequired, record.Status);

        var resubmitted = record.Resubmit("Jane Doe", Mobile("+55 11 91234 5678"), Now, Now.AddDays(2));

        Assert.True(resubmitted.IsSuccess);
        Assert.Equal(PreregistrationStatus.PendingReview, record.Status);
        Assert.Equal("+5511912345678", record.MobileE164);
        Assert.Equal("BR", record.MobileRegion);
        Assert.Equal("Jane Doe", record.CustomerName);
        Assert.Equal(Now.AddDays(2), record.ReviewDueAt);
        Assert.Null(record.ExpiresAt);
        Assert.True(record.IsOpenAt(Now));
        // Only Action required can be resubmitted.
        Assert.Equal("not_action_required", record.Resubmit("Jane Doe", null, Now, Now.AddDays(2)).Error!.Code);
    }

    [Fact]
    public void A_lapsed_Action_required_cannot_be_resubmitted()
    {
        var record = PendingReview();
        record.ReturnForEdits("Wrong name", ReturnFields.Name, Now, Now.AddDays(7));
        clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal("not_action_required", record.Resubmit("Jane Q. Doe", null, Now, Now.AddDays(2)).Error!.Code);
    }

    [Fact]
    public void At_most_two_returns_then_only_approve_or_reject()
    {
        var record = PendingReview();
        for (var i = 0; i < Preregistration.MaxReturns; i++)
        {
            Assert.True(record.CanBeReturned);
            Assert.True(record.ReturnForEdits("Again", ReturnFields.Name, Now, Now.AddDays(7)).IsSuccess);
            Assert.True(record.Resubmit($"Jane Doe {i}", null, Now, Now.AddDays(2)).IsSuccess);
        }

        Assert.Equal(2, Preregistration.MaxReturns);
        Assert.False(record.CanBeReturned);
        Assert.Equal(PreregistrationErrors.ReturnLimitReached, record.ReturnForEdits("Third", ReturnFields.Name, Now, Now.AddDays(7)).Error);
        Assert.True(record.Approve(Now).IsSuccess);
    }

    [Fact]
    public void Only_Pending_review_can_be_returned()
    {
        Assert.True(MobileNumber.TryParse("+49 1512 3456789", out var mobile));
        var record = Preregistration.Submit(1, "jo@example.com", "Jo", mobile!, false, ReviewTrigger.None, "u1", Now);

        Assert.Equal("already_decided", record.ReturnForEdits("Fix", ReturnFields.Name, Now, Now.AddDays(7)).Error!.Code);
    }
}
