using System.Globalization;
using System.Text.RegularExpressions;
using PartnerCenter.Web.Tests.Invitations;

namespace PartnerCenter.Web.Tests.Faults;

/// <summary>
/// Two app processes on one database (SQLite file or PostgreSQL): cookies and links cross instances (Data Protection keys
/// in the database), every email is sent once, and the expiry sweeps do not double-act.
/// </summary>
public abstract partial class TwoInstanceTests(DatabaseEngine engine) : AppProcessTest(engine)
{
    public sealed class OnSqlite() : TwoInstanceTests(DatabaseEngine.Sqlite);

    public sealed class OnPostgreSql() : TwoInstanceTests(DatabaseEngine.PostgreSql);

    private AppProcess a = null!;
    private AppProcess b = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var settings = Settings();
        settings["Sweeps__ExpiryInterval"] = "00:00:01";

        // The sweeper logs what each round marks Expired, and at Debug that each round finished: how the test knows both instances swept.
        settings["Logging__LogLevel__PartnerCenter.Infrastructure.Background.ExpirySweeper"] = "Debug";
        a = await StartAppAsync(settings);
        b = await StartAppAsync(settings); // after A: B reads the key ring A created
    }

    [Fact]
    public async Task Cookies_links_emails_and_sweeps_work_across_two_processes_on_one_database()
    {
        // A cookie issued by A is accepted by B.
        using var onA = a.Client();
        await onA.SignInOrThrowAsync(DemoUsers.NorthwindSales);
        var cookiesForB = new CookieContainer();
        foreach (Cookie cookie in onA.Cookies.GetCookies(a.BaseAddress))
        {
            cookiesForB.Add(b.BaseAddress, new Cookie(cookie.Name, cookie.Value, "/"));
        }

        using var onB = b.Client(cookiesForB);
        using (var list = await onB.GetAsync("/CustomerDevelopment"))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }

        // A link minted by A opens on B.
        var anna = await Database.WithDbAsync(db => db.Preregistrations
            .Where(p => p.CustomerEmail == Anna && p.Status != PreregistrationStatus.Deleted).Select(p => p.Id).SingleAsync());
        var link = new Uri((await onA.LinkPageAsync(anna)).InviteUrl());
        using (var visitor = b.Client())
        {
            var landing = await visitor.GetPageAsync(link.PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, landing.Status);
        }

        // Sixty emails queued through A; both dispatchers run; each arrives once.
        var ids = await Database.AddPreregisteredAsync(Northwind, "twin", 60);
        using (var sent = await onA.SendInvitationsAsync([.. ids]))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var messages = await Smtp.WaitForMessagesAsync(60, m => m.To.ToString().StartsWith("twin", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        await Poll.UntilAsync(
            async () => await Database.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To.StartsWith("twin") && m.Status == OutboxStatus.Sent)) == 60,
            what: "the 60 outbox rows are Sent");
        messages = Smtp.Messages().Where(m => m.To.ToString().StartsWith("twin", StringComparison.Ordinal)).ToList();
        Assert.Equal(60, messages.Count);
        Assert.Equal(60, messages.Select(m => m.MessageId).Distinct().Count());

        // Lapsed claims, while both sweepers run every second: one Expired audit row each.
        var lapsed = await Database.AddPreregisteredAsync(Northwind, "lapsed", 20, age: TimeSpan.FromDays(3650));
        var keys = lapsed.Select(id => id.ToString()).ToList();
        await Poll.UntilAsync(
            async () => await Database.WithDbAsync(db => db.Preregistrations.CountAsync(p => lapsed.Contains(p.Id) && p.Status == PreregistrationStatus.Expired)) == 20,
            what: "the sweepers mark the 20 lapsed records Expired");

        // Before counting, both sweepers must have run again after the 20 were Expired (a double act
        // would show then): each logs every finished round at Debug.
        await Poll.UntilAsync(() => MarkedExpired(a) + MarkedExpired(b) >= 20, what: "both instances logged the 20 they expired");
        var (roundsOfA, roundsOfB) = (Rounds(a), Rounds(b));
        await Poll.UntilAsync(() => Rounds(a) > roundsOfA && Rounds(b) > roundsOfB, TimeSpan.FromSeconds(30), "each instance's sweeper ran again after the 20 were Expired");

        var audits = await Database.WithDbAsync(db => db.AuditEntries
            .Where(e => e.Action == "PreregistrationExpired" && e.EntityId != null && keys.Contains(e.EntityId))
            .Select(e => e.EntityId!).ToListAsync());
        Assert.Equal(keys.Order(), audits.Order());
        Assert.False(a.HasExited || b.HasExited, $"A: {a.Output}\nB: {b.Output}");
    }

    /// <summary>Sweep rounds this instance finished.</summary>
    private static int Rounds(AppProcess app) => RoundLine().Count(app.Output);

    /// <summary>How many records this instance's sweeper marked Expired in all.</summary>
    private static int MarkedExpired(AppProcess app) => ExpiredLine().Matches(app.Output).Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"Marked (\d+) preregistrations Expired")]
    private static partial Regex ExpiredLine();

    [GeneratedRegex("Expiry sweep round finished")]
    private static partial Regex RoundLine();
}
