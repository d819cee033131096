using Microsoft.Extensions.Time.Testing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Tests.Preregistrations;

/// <summary>Issue 17, Extension: in the last 5 days, once per claim; pending does not lapse; approve adds 15 days to the old expiry.</summary>
public class ExtensionTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero));

    private DateTime Now => clock.UtcNow();

    private Preregistration Preregistered()
    {
        Assert.True(MobileNumber.TryParse("+49 1512 3456789", out var mobile));
        return Preregistration.Submit(1, "jane@example.com", "Jane Doe", mobile!, false, ReviewTrigger.None, "u1", Now);
    }

    [Fact]
    public void Only_in_the_last_5_days_of_a_Preregistered_claim()
    {
        var record = Preregistered();
        clock.Advance(TimeSpan.FromDays(10) - TimeSpan.FromMinutes(1));
        Assert.False(record.AllowedOperations(Now).HasFlag(PreregistrationOperations.RequestExtension));
        Assert.Equal("extension_not_allowed", record.RequestExtension("More time", Now, Now.AddDays(2)).Error!.Code);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(record.AllowedOperations(Now).HasFlag(PreregistrationOperations.RequestExtension));
        Assert.Equal(PreregistrationErrors.ExtensionReasonRequired, record.RequestExtension(" ", Now, Now.AddDays(2)).Error);
        Assert.True(record.RequestExtension("  The customer is on holiday.  ", Now, Now.AddDays(2)).IsSuccess);
        Assert.Equal(PreregistrationStatus.ExtensionRequested, record.Status);
        Assert.Equal("The customer is on holiday.", record.ExtensionReason);
        Assert.Equal(Now.AddDays(2), record.ReviewDueAt);
    }

    [Fact]
    public void A_pending_request_does_not_lapse_and_holds_the_claim_and_approval_adds_15_days_to_the_old_expiry()
    {
        var record = Preregistered();
        var oldExpiry = record.ExpiresAt!.Value;
        clock.Advance(TimeSpan.FromDays(12));
        Assert.True(record.RequestExtension("Need time", Now, Now.AddDays(2)).IsSuccess);

        clock.Advance(TimeSpan.FromDays(5));
        Assert.True(Now > oldExpiry);
        Assert.Equal(PreregistrationStatus.ExtensionRequested, record.StatusAt(Now));
        Assert.True(record.IsOpenAt(Now));
        Assert.False(record.MarkExpiredIfLapsed(Now));
        Assert.NotNull(record.CheckInvitable(new Partners.Partner { Id = 1, Name = "N", BusinessCountries = "DE" }, Now));

        Assert.True(record.ApproveExtension(Now, "em").IsSuccess);
        Assert.Equal(oldExpiry.AddDays(15), record.ExpiresAt);
        Assert.Equal(PreregistrationStatus.Preregistered, record.StatusAt(Now));
        Assert.True(record.ExtensionApproved);
        // At most one extension per claim, even approved.
        clock.Advance(TimeSpan.FromDays(9));
        Assert.False(record.AllowedOperations(Now).HasFlag(PreregistrationOperations.RequestExtension));
        Assert.Equal(PreregistrationErrors.ExtensionAlreadyRequested, record.RequestExtension("Again", Now, Now.AddDays(2)).Error);
    }

    [Fact]
    public void Declining_keeps_the_old_expiry_so_a_claim_past_it_is_Expired_and_it_cannot_be_asked_again()
    {
        var record = Preregistered();
        var oldExpiry = record.ExpiresAt!.Value;
        clock.Advance(TimeSpan.FromDays(14));
        Assert.True(record.RequestExtension("Need time", Now, Now.AddDays(2)).IsSuccess);
        clock.Advance(TimeSpan.FromDays(2));

        Assert.True(record.DeclineExtension("  Not this time.  ", Now, "em").IsSuccess);

        Assert.Equal(oldExpiry, record.ExpiresAt);
        Assert.Equal("Not this time.", record.ExtensionDeclineReason);
        Assert.Equal(PreregistrationStatus.Expired, record.StatusAt(Now));
        Assert.Equal("already_decided", record.ApproveExtension(Now).Error!.Code);
        Assert.Equal(PreregistrationErrors.ExtensionAlreadyRequested, record.RequestExtension("Again", Now, Now.AddDays(2)).Error);
    }
}
