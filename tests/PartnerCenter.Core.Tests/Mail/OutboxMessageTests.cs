using PartnerCenter.Core.Mail;

namespace PartnerCenter.Core.Tests.Mail;

public sealed class OutboxMessageTests
{
    private static readonly DateTime Now = new(2031, 3, 14, 9, 30, 0, DateTimeKind.Utc);

    private static OutboxMessage Queued() => OutboxMessage.For(new RenderedEmail("Subject", "<p>link</p>", "link"), "a@b.example", Now.AddHours(-1));

    [Fact]
    public void A_message_that_failed_for_good_keeps_its_bodies_and_can_be_retried_with_fresh_attempts()
    {
        var message = Queued();
        message.Attempts = 5;

        message.GiveUp("SocketException: Connection refused");
        Assert.True(message.CanRetry);
        Assert.Equal("link", message.TextBody);

        Assert.Null(message.Retry(Now));
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(0, message.Attempts);
        Assert.Equal(Now, message.NextAttemptAt);
        Assert.Equal(OutboxMessage.NotFailed, message.Retry(Now));
    }

    [Fact]
    public void A_cancelled_message_or_one_whose_bodies_were_dropped_cannot_be_retried()
    {
        var cancelled = Queued();
        cancelled.Cancel("Cancelled: Preregistration deleted.");
        var dropped = Queued();
        dropped.GiveUp("SocketException: Connection refused");
        dropped.DropBodies();

        Assert.Equal(OutboxMessage.NotRetryable, cancelled.Retry(Now));
        Assert.Equal(OutboxMessage.NotRetryable, dropped.Retry(Now));
        Assert.Equal(OutboxStatus.Failed, dropped.Status);
        Assert.Equal("SocketException: Connection refused", dropped.LastError);
    }

    [Fact]
    public void A_sent_message_cannot_be_retried()
    {
        var sent = Queued();
        sent.Close(OutboxStatus.Sent, Now, null);

        Assert.Equal(OutboxMessage.NotFailed, sent.Retry(Now));
        Assert.Equal("", sent.HtmlBody);
    }
}
