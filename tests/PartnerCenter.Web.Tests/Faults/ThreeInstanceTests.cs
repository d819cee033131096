using PartnerCenter.Web.Tests.Invitations;

namespace PartnerCenter.Web.Tests.Faults;

/// <summary>
/// Three app processes on one PostgreSQL database behind a round-robin balancer (no sticky
/// sessions): a session started on one is served by the others, a link made on one opens on
/// another, 300 invitations reach a real SMTP server once each while one instance is SIGKILLed and
/// restarted (the message in flight at the kill may arrive twice, same Message-Id), and the expiry sweeps of all three act once per record.
/// </summary>
public sealed class ThreeInstanceTests() : AppProcessTest(DatabaseEngine.PostgreSql)
{
    private const int Invitations = 300;
    private Dictionary<string, string> settings = null!;
    private LoadBalancer balancer = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        settings = Settings();
        settings["Sweeps__ExpiryInterval"] = "00:00:01";
        settings["Mail__MaxAttempts"] = "30";
        settings["Mail__BatchSize"] = "20";

        // The first migrates and seeds; the other two start on the ready database at once.
        var first = await StartAppAsync(settings);
        var others = await Task.WhenAll(StartAppAsync(settings), StartAppAsync(settings));
        balancer = new LoadBalancer([first, .. others]);
    }

    [Fact]
    public async Task Sessions_links_300_emails_and_sweeps_work_across_three_instances_with_one_killed_and_restarted()
    {
        // Sign-in page from one instance, the POST (its antiforgery token) on the next, the list on the third.
        using var sales = balancer.Client();
        await sales.SignInOrThrowAsync(DemoUsers.NorthwindSales);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await sales.StatusOfAsync("/CustomerDevelopment"));
        }

        Assert.Equal([0, 1, 2], balancer.Served.Distinct().Order());

        // A link made on one instance opens on each of the others.
        var anna = await Database.WithDbAsync(db => db.Preregistrations
            .Where(p => p.CustomerEmail == Anna && p.Status != PreregistrationStatus.Deleted).Select(p => p.Id).SingleAsync());
        var madeOn = balancer.Served.Count;
        var link = new Uri((await sales.LinkPageAsync(anna)).InviteUrl());
        var maker = balancer.Served[madeOn];
        foreach (var other in Enumerable.Range(0, 3).Where(i => i != maker))
        {
            using var visitor = balancer.Instances[other].Client();
            (await visitor.GetPageAsync(link.PathAndQuery)).AssertStatus(HttpStatusCode.OK);
        }

        // 300 invitations in three batches (the most one Invite takes is 100), each on another instance.
        var ids = await Database.AddPreregisteredAsync(Northwind, "multi", Invitations);
        foreach (var batch in ids.Chunk(InviteCustomers.MaxBatch))
        {
            using var sent = await sales.SendInvitationsAsync(batch);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        // Kill the second instance while the dispatchers deliver, then start it again.
        await Poll.UntilAsync(async () => await SentAsync() >= 40, what: "delivery is under way", timeout: TimeSpan.FromSeconds(60));
        var killed = balancer.Instances[1];
        await killed.KillAsync();
        var sentAtKill = await SentAsync();
        balancer.Instances[1] = await StartAppAsync(settings);

        await Poll.UntilAsync(async () => await SentAsync() == Invitations, what: $"all {Invitations} outbox rows are Sent", timeout: TimeSpan.FromSeconds(120));
        var rows = await Database.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To.StartsWith("multi")).ToListAsync());
        Assert.Equal(Invitations, rows.Count);
        Assert.All(rows, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var messages = await Smtp.WaitForMessagesAsync(Invitations, IsMulti, TimeSpan.FromSeconds(30));
        messages = [.. Smtp.Messages().Where(IsMulti)];
        var copies = messages.GroupBy(m => m.MessageId ?? "").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(rows.Select(InvitationSteps.MessageIdOf).Order(), copies.Keys.Order());
        // Exactly once, but for one window no outbox can close: SIGKILL after the SMTP server said
        // 250 OK and before the row was marked Sent. That one message (an instance sends one at a
        // time) goes again when its lease runs out, with the same Message-Id, so a receiver can
        // drop the copy. Anything more would be a real double send.
        var repeated = copies.Where(p => p.Value > 1).ToList();
        Assert.True(repeated.Count <= 1 && repeated.All(p => p.Value == 2),
            $"Sent more than once: {string.Join(", ", repeated.Select(p => $"{p.Key} x{p.Value}"))} (killed with {sentAtKill} sent)");

        // Lapsed claims while all three sweep every second: one Expired audit row each, after several more rounds.
        var lapsed = await Database.AddPreregisteredAsync(Northwind, "lapsed", 30, age: TimeSpan.FromDays(3650));
        await Poll.UntilAsync(
            async () => await Database.WithDbAsync(db => db.Preregistrations.CountAsync(p => lapsed.Contains(p.Id) && p.Status == PreregistrationStatus.Expired)) == lapsed.Count,
            what: "the sweepers mark the 30 lapsed records Expired");
        await Task.Delay(TimeSpan.FromSeconds(4));
        var keys = lapsed.Select(id => id.ToString()).ToList();
        var audits = await Database.WithDbAsync(db => db.AuditEntries
            .Where(e => e.Action == "PreregistrationExpired" && e.EntityId != null && keys.Contains(e.EntityId))
            .Select(e => e.EntityId!).ToListAsync());
        Assert.Equal(keys.Order(), audits.Order());
        Assert.All(balancer.Instances, i => Assert.False(i.HasExited, i.Output));
    }

    private static bool IsMulti(MimeKit.MimeMessage message) => message.To.ToString().StartsWith("multi", StringComparison.Ordinal);

    private Task<int> SentAsync() =>
        Database.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To.StartsWith("multi") && m.Status == OutboxStatus.Sent));
}
