using Microsoft.Extensions.Time.Testing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Tests.Preregistrations;

public class PreregistrationLifecycleTests
{
    private static readonly PartnerCenter.Core.Partners.Partner Partner = new() { Id = 1, Name = "Northwind Cloud", BusinessCountries = "DE" };
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero));

    private DateTime Now => clock.UtcNow();

    private Preregistration Submit(ReviewTrigger trigger = ReviewTrigger.None)
    {
        Assert.True(MobileNumber.TryParse("+49 1512 3456789", out var mobile));
        return Preregistration.Submit(1, " Jane.Doe@Example.com ", " Jane Doe ", mobile!, false, trigger, "u1", Now);
    }

    [Fact]
    public void A_submission_is_preregistered_for_15_days_with_a_normalized_email()
    {
        var record = Submit();

        Assert.Equal(PreregistrationStatus.Preregistered, record.Status);
        Assert.Equal("jane.doe@example.com", record.CustomerEmail);
        Assert.Equal("Jane Doe", record.CustomerName);
        Assert.Equal(Now.AddDays(15), record.ExpiresAt);
    }

    [Fact]
    public void Day_14_at_23_59_is_still_valid_and_day_15_is_expired()
    {
        var record = Submit();

        clock.Advance(TimeSpan.FromDays(15) - TimeSpan.FromMinutes(1));
        Assert.Equal(PreregistrationStatus.Preregistered, record.StatusAt(Now));
        Assert.True(record.IsOpenAt(Now));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(PreregistrationStatus.Expired, record.StatusAt(Now));
        Assert.False(record.IsOpenAt(Now));
    }

    [Fact]
    public void Marking_expiry_is_idempotent_and_only_after_the_lapse()
    {
        var record = Submit();
        Assert.False(record.MarkExpiredIfLapsed(Now));

        clock.Advance(TimeSpan.FromDays(15));
        Assert.True(record.MarkExpiredIfLapsed(Now));
        Assert.False(record.MarkExpiredIfLapsed(Now));
        Assert.Equal(PreregistrationStatus.Expired, record.Status);
    }

    [Fact]
    public void A_review_trigger_makes_it_pending_review_without_a_validity()
    {
        var record = Submit(ReviewTrigger.Country);

        Assert.Equal(PreregistrationStatus.PendingReview, record.Status);
        Assert.Null(record.ExpiresAt);
        clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(PreregistrationStatus.PendingReview, record.StatusAt(Now));
    }

    [Fact]
    public void Approval_starts_the_15_days_at_the_decision()
    {
        var record = Submit(ReviewTrigger.Country);
        clock.Advance(TimeSpan.FromDays(2));

        Assert.True(record.Approve(Now).IsSuccess);
        Assert.Equal(PreregistrationStatus.Preregistered, record.Status);
        Assert.Equal(Now.AddDays(15), record.ExpiresAt);
    }

    [Fact]
    public void A_decision_is_final()
    {
        var record = Submit(ReviewTrigger.Country);
        Assert.True(record.Reject("Served by a local partner", Now).IsSuccess);

        Assert.Equal("already_decided", record.Approve(Now).Error!.Code);
        Assert.Equal("already_decided", record.Reject("again", Now).Error!.Code);
        Assert.Equal(PreregistrationStatus.Rejected, record.Status);
    }

    [Fact]
    public void Pending_review_cannot_be_deleted()
    {
        var record = Submit(ReviewTrigger.Country);

        Assert.Equal("cannot_delete", record.Delete(Now).Error!.Code);
        Assert.Equal(PreregistrationStatus.PendingReview, record.Status);
    }

    [Fact]
    public void Associated_cannot_be_deleted()
    {
        var record = Submit();
        Assert.True(record.MarkAssociated(Partner, Now).IsSuccess);

        Assert.False(record.Delete(Now).IsSuccess);
        Assert.Equal(PreregistrationStatus.Associated, record.Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Preregistered_rejected_and_expired_can_be_deleted(bool reject)
    {
        var record = reject ? Submit(ReviewTrigger.Country) : Submit();
        if (reject)
        {
            record.Reject("no", Now);
        }
        else
        {
            clock.Advance(TimeSpan.FromDays(16));
        }

        Assert.True(record.Delete(Now).IsSuccess);
        Assert.Equal(PreregistrationStatus.Deleted, record.Status);
        Assert.False(record.IsOpenAt(Now));
    }

    [Fact]
    public void A_deleted_record_cannot_be_deleted_again()
    {
        var record = Submit();
        record.Delete(Now);

        Assert.False(record.Delete(Now).IsSuccess);
    }

    [Fact]
    public void An_expired_claim_cannot_be_associated()
    {
        var record = Submit();
        clock.Advance(TimeSpan.FromDays(15));

        Assert.Equal("not_invitable", record.MarkAssociated(Partner, Now).Error!.Code);
    }
}
