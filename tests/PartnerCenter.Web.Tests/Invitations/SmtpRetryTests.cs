using Microsoft.Extensions.Time.Testing;
using static PartnerCenter.Web.Tests.Invitations.InvitationSteps;

namespace PartnerCenter.Web.Tests.Invitations;

/// <summary>
/// Retries against a real SMTP server that is down, on a fake clock, with the test driving the
/// app's dispatcher round by round: exact backoff, exact attempt counts, then Failed and Resend.
/// </summary>
public sealed class SmtpRetryTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Retries_back_off_exponentially_while_the_server_is_down_and_each_email_arrives_exactly_once_when_it_is_up()
    {
        await using var smtp = SmtpServer.Create();
        await using var app = new TestApp { Clock = TestApp.NewFakeClock(), RunDispatcher = false, Smtp = smtp, RetryBaseDelay = Base };
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var list = await sales.InviteAsync(await app.PreregistrationIdAsync(Anna), await app.PreregistrationIdAsync(Jonas));
        Assert.Contains("2 invitation emails are on their way.", list.Alerts("success"));
        var t0 = app.FakeClock.UtcNow();

        // Attempt 1 fails: recorded, next attempt in 10 s, and nothing is retried early.
        Assert.Equal(2, await app.DispatchOnceAsync());
        var rows = await app.OutboxForAsync(Anna, Jonas);
        Assert.All(rows, m =>
        {
            Assert.Equal(OutboxStatus.Pending, m.Status);
            Assert.Equal(1, m.Attempts);
            Assert.Contains("refused", m.LastError, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(t0 + Base, m.NextAttemptAt);
            Assert.Null(m.LeaseOwner);
        });
        var invitations = await InvitationsAsync(app, rows);
        Assert.All(invitations, i => Assert.Equal((DeliveryStatus.Queued, rows[0].LastError), (i.Delivery, i.LastError)));
        Assert.Equal(0, await app.DispatchOnceAsync());

        // Attempt 2 fails: next in 20 s.
        app.FakeClock.Advance(Base);
        Assert.Equal(2, await app.DispatchOnceAsync());
        Assert.All(await app.OutboxForAsync(Anna, Jonas), m =>
        {
            Assert.Equal(2, m.Attempts);
            Assert.Equal(t0 + Base + (2 * Base), m.NextAttemptAt);
        });

        // The server comes back; attempt 3 waits for its time, then succeeds.
        await smtp.StartAsync();
        app.FakeClock.Advance((2 * Base) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await app.DispatchOnceAsync());
        app.FakeClock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await app.DispatchOnceAsync());
        app.FakeClock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await app.DispatchOnceAsync());

        rows = await app.OutboxForAsync(Anna, Jonas);
        Assert.All(rows, m =>
        {
            Assert.Equal((OutboxStatus.Sent, 3, null), (m.Status, m.Attempts, m.LastError));
            Assert.Equal(t0 + (3 * Base), m.SentAt);
        });
        AssertArrivedExactlyOnce(rows, smtp.Messages());
        Assert.All(await InvitationsAsync(app, rows), i => Assert.Equal((DeliveryStatus.Sent, null), (i.Delivery, i.LastError)));
        var history = await app.WithDbAsync(db => db.InvitationEvents.Where(e => e.InvitationId == rows[0].InvitationId)
            .OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal([InvitationEventKind.Created, InvitationEventKind.Failed, InvitationEventKind.Failed, InvitationEventKind.Sent], history);
    }

    [Fact]
    public async Task After_the_last_attempt_the_list_shows_failed_with_resend_the_history_shows_the_cause_and_resend_delivers()
    {
        await using var smtp = SmtpServer.Create();
        await using var app = new TestApp { Clock = TestApp.NewFakeClock(), RunDispatcher = false, Smtp = smtp, RetryBaseDelay = Base, MaxAttempts = 3 };
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var anna = await app.PreregistrationIdAsync(Anna);
        await InviteFromTheListAsync(sales, "Invite A*** S***");

        Assert.Equal(1, await app.DispatchOnceAsync());
        app.FakeClock.Advance(Base);
        Assert.Equal(1, await app.DispatchOnceAsync());
        app.FakeClock.Advance(2 * Base);
        Assert.Equal(1, await app.DispatchOnceAsync());
        app.FakeClock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await app.DispatchOnceAsync());

        var failed = Assert.Single(await app.OutboxForAsync(Anna));
        Assert.Equal((OutboxStatus.Failed, 3), (failed.Status, failed.Attempts));
        Assert.NotNull(failed.LastError);
        var invitation = Assert.Single(await InvitationsAsync(app, [failed]));
        Assert.Equal((DeliveryStatus.Failed, failed.LastError), (invitation.Delivery, invitation.LastError));

        // The list: Failed, and Resend instead of Invite.
        var list = await sales.GetPageAsync("/CustomerDevelopment");
        var row = RowOf(list, "A*** S***");
        Assert.Contains("Failed", row, StringComparison.Ordinal);
        Assert.Contains("Invitation email could not be delivered", row, StringComparison.Ordinal);
        Assert.Contains("Resend", row, StringComparison.Ordinal);
        Assert.DoesNotContain(list.Document.QuerySelectorAll("button"), b => b.GetAttribute("aria-label") == "Invite A*** S***");

        // The history: each failed attempt, and the cause of giving up.
        var history = await sales.GetPageAsync($"/Invitations/History/{anna}");
        history.AssertStatus(HttpStatusCode.OK);
        var lines = HistoryLines(history);
        Assert.Equal(["Failed", "Failed", "Failed", "Created"], lines.Select(l => l.Event));
        Assert.Equal($"Gave up after 3 attempts: {failed.LastError}", lines[0].Detail);
        Assert.StartsWith("Attempt 1 failed, will retry: ", lines[2].Detail, StringComparison.Ordinal);
        Assert.Equal("Email queued", lines[3].Detail);

        // Resend with the server up: a new link, delivered once.
        await smtp.StartAsync();
        var resent = await InviteFromTheListAsync(sales, "Resend A*** S***");
        Assert.Contains("Invitation email to A*** S*** is on its way.", resent.Alerts("success"));
        Assert.Equal(1, await app.DispatchOnceAsync());
        var rows = await app.OutboxForAsync(Anna);
        Assert.Equal([OutboxStatus.Failed, OutboxStatus.Sent], rows.Select(m => m.Status));
        var mail = Assert.Single(smtp.Messages());
        Assert.Equal(MessageIdOf(rows[1]), mail.MessageId);
        Assert.Equal(Anna, mail.To.Mailboxes.Single().Address);

        list = await sales.GetPageAsync("/CustomerDevelopment");
        row = RowOf(list, "A*** S***");
        Assert.Contains("Invitation email sent", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed", row, StringComparison.Ordinal);
        Assert.Contains(list.Document.QuerySelectorAll("button"), b => b.GetAttribute("aria-label") == "Invite A*** S***");
    }

    /// <summary>Invite (or Resend) in a row's Operation column, then OK in the Invite dialog; returns the list it goes back to.</summary>
    private static async Task<HtmlPage> InviteFromTheListAsync(PartnerCenterClient client, string button)
    {
        var list = await client.GetPageAsync("/CustomerDevelopment");
        var dialog = await client.FollowAsync(await client.ClickAsync(list, button));
        dialog.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Invite", dialog.Heading);
        using var sent = await client.SubmitAsync(dialog, dialog.FormOfButton("OK"));
        await sent.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/CustomerDevelopment", sent.Headers.Location!.AbsolutePathOrOriginal());
        return await client.GetPageAsync(sent.Headers.Location!.OriginalString);
    }

    private static string RowOf(HtmlPage list, string maskedName) =>
        list.Document.QuerySelectorAll("tbody tr")
            .Select(tr => tr.TextContent)
            .Select(t => System.Text.RegularExpressions.Regex.Replace(t, @"\s+", " ").Trim())
            .Single(t => t.StartsWith(maskedName + " ", StringComparison.Ordinal));

    private static Task<List<Invitation>> InvitationsAsync(TestApp app, IEnumerable<OutboxMessage> rows)
    {
        var ids = rows.Select(m => m.InvitationId).ToList();
        return app.WithDbAsync(db => db.Invitations.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync());
    }
}
