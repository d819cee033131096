using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PartnerCenter.Infrastructure.Mail;
using static PartnerCenter.Web.Tests.Invitations.InvitationSteps;

namespace PartnerCenter.Web.Tests.Invitations;

/// <summary>Two app instances (two factories) on one database (each engine), one real SMTP server: no email is sent twice.</summary>
public sealed class TwoDispatcherTests
{
    private const string Contoso = "Contoso Reseller";

    [Theory, AllEngines]
    public async Task Two_dispatchers_draining_one_outbox_at_the_same_time_send_each_of_100_emails_exactly_once(DatabaseEngine engine)
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        await using var one = new TestApp { Engine = engine, RunDispatcher = false, Smtp = smtp, BatchSize = 7 };
        await using var two = new TestApp { RunDispatcher = false, DatabaseOf = one, Smtp = smtp, BatchSize = 7 };
        await QueueHundredAsync(one);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var handled = await Task.WhenAll(
            Task.Run(() => DrainAsync(one, timeout.Token)),
            Task.Run(() => DrainAsync(two, timeout.Token)));

        Assert.Equal(100, handled.Sum());
        var rows = await one.OutboxAsync();
        Assert.All(rows, m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
        AssertArrivedExactlyOnce(rows, smtp.Messages());
    }

    [Theory, AllEngines]
    public async Task Two_app_instances_with_their_background_dispatchers_send_each_of_100_emails_exactly_once(DatabaseEngine engine)
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        await using var one = new TestApp { Engine = engine, RunDispatcher = false, Smtp = smtp, BatchSize = 10 };
        await QueueHundredAsync(one);

        // Both instances start with the outbox full, and poll it every 100 ms.
        await using var two = new TestApp { DatabaseOf = one, Smtp = smtp, BatchSize = 10, RunDispatcher = true };
        await using var three = new TestApp { DatabaseOf = one, Smtp = smtp, BatchSize = 10, RunDispatcher = true };
        await Task.WhenAll(Task.Run(() => two.Services), Task.Run(() => three.Services));
        await Poll.UntilAsync(async () => (await one.OutboxAsync()).All(m => m.Status == OutboxStatus.Sent), what: "all 100 emails are sent", timeout: TimeSpan.FromSeconds(60));

        var rows = await one.OutboxAsync();
        Assert.All(rows, m => Assert.Equal(1, m.Attempts));
        AssertArrivedExactlyOnce(rows, await smtp.WaitForMessagesAsync(100));
    }

    /// <remarks>
    /// Exposes a src bug: a lease is stamped once per batch and never renewed or checked again, so
    /// when a batch takes longer than LeaseDuration (a slow or tarpitting server: 50 messages at up
    /// to 30 s each), another instance claims its unsent messages and both send them.
    /// </remarks>
    [Theory, AllEngines]
    public async Task A_batch_that_outlives_its_lease_is_not_sent_by_both_instances(DatabaseEngine engine)
    {
        var clock = new FakeTimeProvider(TestApp.FakeStart);
        await using var smtp = await SmtpServer.StartNewAsync();
        await using var one = new TestApp { Engine = engine, Clock = clock, RunDispatcher = false, Smtp = smtp };
        await using var two = new TestApp { Clock = clock, RunDispatcher = false, DatabaseOf = one, Smtp = smtp };
        var ids = await one.AddPreregisteredAsync(InvitationSteps.NorthwindName, "slow", 5);
        using (var sales = await one.SignedInClientAsync(DemoUsers.NorthwindSales))
        {
            await sales.InviteAsync([.. ids]);
        }

        // Instance one sends the first message, then the server takes longer than the lease for the next.
        var slow = new SlowAfterFirst();
        using var dispatcher = OutboxRestartTests.DispatcherWith(one, inner => slow.Wrap(inner));
        var first = Task.Run(() => dispatcher.DispatchOnceAsync(CancellationToken.None));
        int takenOver;
        try
        {
            await slow.Paused.WaitAsync(TimeSpan.FromSeconds(30));
            clock.Advance(one.LeaseDuration + TimeSpan.FromSeconds(1));

            // Meanwhile instance two finds the lease run out.
            takenOver = await two.DispatchOnceAsync();
        }
        finally
        {
            slow.Resume();
        }

        await first.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(4, takenOver);
        var rows = await one.OutboxAsync();
        Assert.All(rows, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        AssertArrivedExactlyOnce(rows, smtp.Messages());
    }

    /// <summary>Puts 100 Preregistered Contoso customers in the outbox with one batch invite (Contoso's claimed@ plus 99).</summary>
    private static async Task QueueHundredAsync(TestApp app)
    {
        var ids = await app.AddPreregisteredAsync(Contoso, "hundred", 99);
        ids.Add(await app.PreregistrationIdAsync(ContosoClaimed));
        using var admin = await app.SignedInClientAsync(DemoUsers.ContosoAdmin);
        var list = await admin.InviteAsync([.. ids]);
        Assert.Contains("100 invitation emails are on their way.", list.Alerts("success"));
        Assert.Equal(100, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending)));
    }

    /// <summary>Runs dispatch rounds until the outbox holds nothing pending; returns how many messages this dispatcher handled.</summary>
    private static async Task<int> DrainAsync(TestApp app, CancellationToken ct)
    {
        var handled = 0;
        while (await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending, ct)))
        {
            var round = await app.Dispatcher.DispatchOnceAsync(ct);
            handled += round;
            if (round == 0)
            {
                // The rest is leased by the other dispatcher: look again shortly.
                await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
            }
        }

        return handled;
    }

    /// <summary>The real transport; after the first message is recorded, the next waits until the test resumes it.</summary>
    private sealed class SlowAfterFirst
    {
        private readonly TaskCompletionSource paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource resume = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Paused => paused.Task;

        public void Resume() => resume.TrySetResult();

        public IMailTransport Wrap(IMailTransport inner) => new Transport(inner, this);

        private sealed class Transport(IMailTransport inner, SlowAfterFirst owner) : IMailTransport
        {
            public Task SendAsync(IReadOnlyList<MimeMessage> messages, Func<MimeMessage, Exception?, Task> onResult, CancellationToken ct, Func<MimeMessage, Task<bool>>? stillOurs = null)
            {
                var count = 0;
                return inner.SendAsync(messages, async (message, error) =>
                {
                    await onResult(message, error);
                    if (++count == 1)
                    {
                        owner.paused.TrySetResult();
                        await owner.resume.Task;
                    }
                }, ct, stillOurs);
            }
        }
    }
}
