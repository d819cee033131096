using PartnerCenter.Web.Tests.Invitations;

namespace PartnerCenter.Web.Tests.Faults;

/// <summary>
/// The app killed with SIGKILL during a batch invitation, then restarted on the same database:
/// the batch's state change is whole or absent, and every queued email is sent exactly once.
/// </summary>
public abstract class KillDuringBatchTests(DatabaseEngine engine) : AppProcessTest(engine)
{
    public sealed class OnSqlite() : KillDuringBatchTests(DatabaseEngine.Sqlite);

    public sealed class OnPostgreSql() : KillDuringBatchTests(DatabaseEngine.PostgreSql);

    // Not listening: every send fails, emails stay queued.
    protected override bool SmtpListensAtStart => false;

    [Fact]
    public async Task Killed_mid_batch_then_restarted_every_queued_email_is_sent_once_and_the_batch_is_whole_or_absent()
    {
        var settings = Settings();
        settings["Mail__MaxAttempts"] = "30";
        var app = await StartAppAsync(settings);
        var first = await Database.AddPreregisteredAsync(Northwind, "killa", 50);
        var second = await Database.AddPreregisteredAsync(Northwind, "killb", 50);

        using (var client = app.Client())
        {
            await client.SignInOrThrowAsync(DemoUsers.NorthwindSales);
            using (var sent = await client.SendInvitationsAsync([.. first]))
            {
                Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            }

            // The second batch: kill the process while its POST is in flight.
            var token = await client.GetAntiforgeryTokenAsync("/CustomerDevelopment");
            var inFlight = client.PostFormWithTokenAsync("/Invitations/Send",
                token, [.. second.Select(id => ("ids", (string?)id.ToString())), ("returnUrl", "/CustomerDevelopment")]);
            await app.KillAsync();
            try
            {
                (await inFlight).Dispose();
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // The connection died with the process: expected.
            }
        }

        // Whole or absent: the second batch has all its invitations and outbox rows, or none.
        var (firstInvitations, firstOutbox) = await CountsAsync(first);
        var (secondInvitations, secondOutbox) = await CountsAsync(second);
        Assert.Equal((50, 50), (firstInvitations, firstOutbox));
        Assert.Contains(secondInvitations, new[] { 0, 50 });
        Assert.Equal(secondInvitations, secondOutbox);
        var expected = 50 + secondOutbox;
        var before = await Database.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent));
        Assert.Equal(0, before);

        // Restart with the SMTP server up: everything queued goes, once.
        await Smtp.StartAsync();
        await StartAppAsync(settings);
        await Poll.UntilAsync(
            async () => await Database.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent)) == expected,
            what: $"all {expected} outbox rows are Sent", timeout: TimeSpan.FromSeconds(60));

        var outbox = await Database.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        Assert.All(outbox, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var messages = await Smtp.WaitForMessagesAsync(expected);
        var byId = messages.GroupBy(m => m.MessageId ?? "").ToDictionary(g => g.Key, g => g.Count());
        Assert.All(byId, pair => Assert.Equal(1, pair.Value));
        Assert.Equal(outbox.Select(m => $"{m.Id:N}@partnercenter.local").Order(), byId.Keys.Order());
    }

    private Task<(int Invitations, int Outbox)> CountsAsync(List<Guid> preregistrations) =>
        Database.WithDbAsync(async db =>
        {
            var invitationIds = await db.Invitations.Where(i => preregistrations.Contains(i.PreregistrationId)).Select(i => i.Id).ToListAsync();
            var outbox = await db.OutboxMessages.CountAsync(m => m.InvitationId != null && invitationIds.Contains(m.InvitationId.Value));
            return (invitationIds.Count, outbox);
        });
}
