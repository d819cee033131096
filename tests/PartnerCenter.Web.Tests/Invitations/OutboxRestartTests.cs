using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PartnerCenter.Infrastructure.Mail;
using static PartnerCenter.Web.Tests.Invitations.InvitationSteps;

namespace PartnerCenter.Web.Tests.Invitations;

/// <summary>
/// An app instance that stops (its factory disposed) and another that starts on the same database
/// file: queued emails are neither lost nor sent twice. A third factory owns the file throughout,
/// as the disk would.
/// </summary>
public sealed class OutboxRestartTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Emails_queued_by_an_instance_that_stopped_before_sending_are_sent_once_by_the_restarted_instance()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        await using var disk = new PickupApp();
        var ids = await disk.AddPreregisteredAsync(NorthwindName, "restart", 5);

        await using (var first = new TestApp { RunDispatcher = false, DatabaseOf = disk, Smtp = smtp })
        {
            using var sales = await first.SignedInClientAsync(DemoUsers.NorthwindSales);
            Assert.Contains("5 invitation emails are on their way.", (await sales.InviteAsync([.. ids])).Alerts("success"));
        }

        var queued = await disk.OutboxAsync();
        Assert.Equal(5, queued.Count);
        Assert.All(queued, m => Assert.Equal((OutboxStatus.Pending, 0), (m.Status, m.Attempts)));
        Assert.Empty(smtp.Messages());

        // The restarted instance's own background dispatcher sends them.
        await using var second = new TestApp { DatabaseOf = disk, Smtp = smtp, RunDispatcher = true };
        _ = second.Services;
        await Poll.UntilAsync(async () => (await disk.OutboxAsync()).All(m => m.Status == OutboxStatus.Sent), what: "the restarted instance sent every email");

        var sent = await disk.OutboxAsync();
        Assert.All(sent, m => Assert.Equal(1, m.Attempts));
        AssertArrivedExactlyOnce(sent, smtp.Messages());
    }

    [Fact]
    public async Task A_dispatcher_stopped_between_two_messages_of_a_batch_leaves_the_rest_to_the_next_instance_once_its_lease_runs_out()
    {
        var clock = new FakeTimeProvider(TestApp.FakeStart);
        await using var smtp = await SmtpServer.StartNewAsync();
        await using var disk = new TestApp { Clock = clock, RunDispatcher = false };
        var ids = await disk.AddPreregisteredAsync(NorthwindName, "midbatch", 10);

        await using (var first = new TestApp { Clock = clock, RunDispatcher = false, DatabaseOf = disk, Smtp = smtp })
        {
            using var sales = await first.SignedInClientAsync(DemoUsers.NorthwindSales);
            await sales.InviteAsync([.. ids]);

            // The instance shuts down right after the third message is sent and recorded.
            using var stop = new CancellationTokenSource();
            using var dispatcher = DispatcherWith(first, inner => new StopAfter(inner, stop, messages: 3, beforeRecording: false));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatcher.DispatchOnceAsync(stop.Token));
        }

        var afterStop = await disk.OutboxAsync();
        Assert.Equal(3, afterStop.Count(m => m.Status == OutboxStatus.Sent));
        Assert.Equal(7, afterStop.Count(m => m.Status == OutboxStatus.Pending && m.LeaseOwner != null && m.Attempts == 0));
        Assert.Equal(3, smtp.Messages().Count);

        // The next instance leaves the dead instance's lease alone until it runs out, then sends the rest.
        clock.Advance(TimeSpan.FromMinutes(1));
        await using var second = new TestApp { Clock = clock, RunDispatcher = false, DatabaseOf = disk, Smtp = smtp };
        Assert.Equal(0, await second.DispatchOnceAsync());
        clock.Advance(Lease);
        Assert.Equal(7, await second.DispatchOnceAsync());
        Assert.Equal(0, await second.DispatchOnceAsync());

        var sent = await disk.OutboxAsync();
        Assert.All(sent, m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
        AssertArrivedExactlyOnce(sent, smtp.Messages());
    }

    /// <remarks>
    /// Exposes a src bug: OutboxDispatcher records each outcome with the stopping token, so an
    /// instance stopped after the server accepted a message, but before that was saved, leaves the
    /// message Pending and the next instance sends it again.
    /// </remarks>
    [Fact]
    public async Task A_dispatcher_stopped_just_after_the_server_accepted_a_message_still_records_it_so_the_next_instance_does_not_send_it_again()
    {
        var clock = new FakeTimeProvider(TestApp.FakeStart);
        await using var smtp = await SmtpServer.StartNewAsync();
        await using var disk = new TestApp { Clock = clock, RunDispatcher = false };
        var ids = await disk.AddPreregisteredAsync(NorthwindName, "inflight", 5);

        await using (var first = new TestApp { Clock = clock, RunDispatcher = false, DatabaseOf = disk, Smtp = smtp })
        {
            using var sales = await first.SignedInClientAsync(DemoUsers.NorthwindSales);
            await sales.InviteAsync([.. ids]);

            // The host stops (graceful shutdown) the moment the server has accepted the second message.
            using var stop = new CancellationTokenSource();
            using var dispatcher = DispatcherWith(first, inner => new StopAfter(inner, stop, messages: 2, beforeRecording: true));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatcher.DispatchOnceAsync(stop.Token));
        }

        Assert.Equal(2, smtp.Messages().Count);
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        await using var second = new TestApp { Clock = clock, RunDispatcher = false, DatabaseOf = disk, Smtp = smtp };
        await second.DispatchOnceAsync();
        Assert.Equal(0, await second.DispatchOnceAsync());

        var rows = await disk.OutboxAsync();
        Assert.All(rows, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        AssertArrivedExactlyOnce(rows, smtp.Messages());
    }

    /// <summary>A dispatcher like the app's, on the app's services and real transport, with the transport wrapped.</summary>
    internal static OutboxDispatcher DispatcherWith(TestApp app, Func<IMailTransport, IMailTransport> wrap) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(),
            wrap(app.Services.GetRequiredService<IMailTransport>()),
            app.Services.GetRequiredService<IOptions<MailOptions>>(),
            app.Services.GetRequiredService<TimeProvider>(),
            app.Services.GetRequiredService<PartnerCenter.Core.Common.PortalMetrics>(),
            app.Services.GetRequiredService<ILogger<OutboxDispatcher>>());

    /// <summary>
    /// The app's real transport, with the plug pulled (the stopping token cancelled) at the n-th
    /// message: just after its outcome is recorded, or just before (the server has accepted it).
    /// </summary>
    private sealed class StopAfter(IMailTransport inner, CancellationTokenSource stop, int messages, bool beforeRecording) : IMailTransport
    {
        public Task SendAsync(IReadOnlyList<MimeMessage> batch, Func<MimeMessage, Exception?, Task> onResult, CancellationToken ct, Func<MimeMessage, Task<bool>>? stillOurs = null)
        {
            var count = 0;
            return inner.SendAsync(batch, async (message, error) =>
            {
                count++;
                if (beforeRecording && count == messages)
                {
                    await stop.CancelAsync();
                }

                await onResult(message, error);
                if (!beforeRecording && count == messages)
                {
                    await stop.CancelAsync();
                }
            }, ct, stillOurs);
        }
    }
}
