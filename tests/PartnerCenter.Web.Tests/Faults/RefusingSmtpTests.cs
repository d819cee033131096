using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using MimeKit;
using PartnerCenter.Web.Tests.Invitations;

namespace PartnerCenter.Web.Tests.Faults;

/// <summary>
/// An SMTP server that is slow (every DATA waits) and refuses one recipient with 550: the others
/// go once each, the refused one retries and ends Failed after MaxAttempts, nothing twice.
/// </summary>
public sealed class RefusingSmtpTests : IAsyncLifetime, IDisposable
{
    private const string Refused = "refuse005@prospects.example";

    // aiosmtpd's Mailbox handler, plus: 550 at RCPT for one address, a delay before each DATA.
    private const string Handler = """
        import asyncio, sys
        from aiosmtpd.controller import Controller
        from aiosmtpd.handlers import Mailbox

        class Handler(Mailbox):
            def __init__(self, maildir, refused, delay):
                super().__init__(maildir)
                self.refused = refused
                self.delay = delay

            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.lower() == self.refused:
                    return '550 5.1.1 Mailbox unavailable'
                envelope.rcpt_tos.append(address)
                return '250 OK'

            async def handle_DATA(self, server, session, envelope):
                await asyncio.sleep(self.delay)
                return await super().handle_DATA(server, session, envelope)

        port, maildir, refused, delay = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4])
        controller = Controller(Handler(maildir, refused, delay), hostname='127.0.0.1', port=port)
        controller.start()
        print('ready', flush=True)
        try:
            sys.stdin.read()
        finally:
            controller.stop()
        """;

    private readonly SharedDatabase database = new();
    private ChildProcess? smtp;
    private AppProcess? app;
    private int port;

    private string Maildir => Path.Combine(database.Folder, "maildir");

    public async Task InitializeAsync()
    {
        var script = Path.Combine(database.Folder, "refusing_smtp.py");
        await File.WriteAllTextAsync(script, Handler);
        port = ChildProcess.FreePort();
        var smtp = this.smtp = ChildProcess.Start(SmtpServer.Python,
            [script, port.ToString(System.Globalization.CultureInfo.InvariantCulture), Maildir, Refused, "0.3"], holdInput: true);
        await Poll.UntilAsync(() => SmtpOutput.Contains("ready", StringComparison.Ordinal) || smtp.HasExited,
            what: "the SMTP handler listens", timeout: TimeSpan.FromSeconds(20));
        Assert.False(smtp.HasExited, SmtpOutput);
    }

    /// <summary>xunit calls <see cref="DisposeAsync"/>; this only satisfies ownership rules (disposing twice is harmless).</summary>
    public void Dispose() => database.Dispose();

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (smtp is not null)
        {
            await smtp.DisposeAsync();
        }

        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_refused_recipient_retries_then_fails_while_the_rest_go_once_through_a_slow_server()
    {
        var settings = AppProcess.Settings(database.Path, port);
        settings["Mail__MaxAttempts"] = "3";
        settings["Mail__RetryBaseDelay"] = "00:00:00.500";
        app = await AppProcess.StartAsync(settings);
        var ids = await database.AddPreregisteredAsync(Northwind, "refuse", 10);

        using (var client = app.Client())
        {
            await client.SignInOrThrowAsync(DemoUsers.NorthwindSales);
            using var sent = await client.SendInvitationsAsync([.. ids]);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        await Poll.UntilAsync(
            async () => await database.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To.StartsWith("refuse") && m.Status != OutboxStatus.Pending)) == 10,
            what: "every outbox row is Sent or Failed", timeout: TimeSpan.FromSeconds(60));

        var outbox = await database.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To.StartsWith("refuse")).ToListAsync());
        var refused = Assert.Single(outbox, m => m.To == Refused);
        Assert.Equal(OutboxStatus.Failed, refused.Status);
        Assert.Equal(3, refused.Attempts);
        Assert.Contains("Mailbox unavailable", refused.LastError, StringComparison.Ordinal);
        Assert.All(outbox.Where(m => m.To != Refused), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));

        var invitation = await database.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Id == refused.InvitationId));
        Assert.Equal(DeliveryStatus.Failed, invitation.Delivery);

        // Only this test's invitations: the demo data's claim reminders may also go out through the same server.
        var delivered = Messages().Where(m => m.To.Mailboxes.Any(a => a.Address.StartsWith("refuse", StringComparison.Ordinal))).ToList();
        Assert.Equal(9, delivered.Count);
        Assert.Equal(9, delivered.Select(m => m.MessageId).Distinct().Count());
        Assert.DoesNotContain(delivered, m => m.To.Mailboxes.Any(a => a.Address == Refused));
    }

    private string SmtpOutput => smtp?.Output ?? "";

    private List<MimeMessage> Messages()
    {
        var folder = Path.Combine(Maildir, "new");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Select(f => MimeMessage.Load(f)).ToList() : [];
    }
}
