using System.Net;
using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Mail;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Web.Tests.Infrastructure;
using PartnerCenter.Web.Tests.Invitations;

namespace PartnerCenter.Web.Tests.Faults;

/// <summary>
/// Two app processes on one SQLite file: cookies and links cross instances (Data Protection keys
/// in the database), every email is sent once, and the expiry sweeps do not double-act.
/// </summary>
public sealed class TwoInstanceTests : IAsyncLifetime
{
    private readonly SharedDatabase database = new();
    private SmtpServer smtp = null!;
    private AppProcess a = null!;
    private AppProcess b = null!;

    public async Task InitializeAsync()
    {
        smtp = await SmtpServer.StartNewAsync();
        var settings = AppProcess.Settings(database.Path, smtp.Port);
        settings["Sweeps__ExpiryInterval"] = "00:00:01";
        a = await AppProcess.StartAsync(settings);
        b = await AppProcess.StartAsync(settings); // after A: B reads the key ring A created
    }

    public async Task DisposeAsync()
    {
        if (b is not null)
        {
            await b.DisposeAsync();
        }

        if (a is not null)
        {
            await a.DisposeAsync();
        }

        await smtp.DisposeAsync();
        database.Dispose();
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
        var anna = await database.WithDbAsync(db => db.Preregistrations
            .Where(p => p.CustomerEmail == InvitationSteps.Anna && p.Status != PreregistrationStatus.Deleted).Select(p => p.Id).SingleAsync());
        var link = new Uri((await onA.LinkPageAsync(anna)).InviteUrl());
        using (var visitor = b.Client())
        {
            var landing = await visitor.GetPageAsync(link.PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, landing.Status);
        }

        // Sixty emails queued through A; both dispatchers run; each arrives once.
        var ids = await database.AddPreregisteredAsync("twin", 60);
        using (var sent = await onA.SendInvitationsAsync([.. ids]))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var messages = await smtp.WaitForMessagesAsync(60, m => m.To.ToString().StartsWith("twin", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        await InvitationSteps.WaitUntilAsync(
            async () => await database.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To.StartsWith("twin") && m.Status == OutboxStatus.Sent)) == 60,
            "the 60 outbox rows are Sent");
        messages = smtp.Messages().Where(m => m.To.ToString().StartsWith("twin", StringComparison.Ordinal)).ToList();
        Assert.Equal(60, messages.Count);
        Assert.Equal(60, messages.Select(m => m.MessageId).Distinct().Count());

        // Lapsed claims, while both sweepers run every second: one Expired audit row each.
        var lapsed = await database.AddPreregisteredAsync("lapsed", 20, age: TimeSpan.FromDays(3650));
        var keys = lapsed.Select(id => id.ToString()).ToList();
        await InvitationSteps.WaitUntilAsync(
            async () => await database.WithDbAsync(db => db.Preregistrations.CountAsync(p => lapsed.Contains(p.Id) && p.Status == PreregistrationStatus.Expired)) == 20,
            "the sweepers mark the 20 lapsed records Expired");

        // Both sweepers run at least twice more (every second), then count.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(2.5);
        await InvitationSteps.WaitUntilAsync(() => Task.FromResult(DateTime.UtcNow > until), "two more sweep rounds");
        var audits = await database.WithDbAsync(db => db.AuditEntries
            .Where(e => e.Action == "PreregistrationExpired" && e.EntityId != null && keys.Contains(e.EntityId))
            .Select(e => e.EntityId!).ToListAsync());
        Assert.Equal(keys.Order(), audits.Order());
        Assert.False(a.HasExited || b.HasExited, $"A: {a.Output}\nB: {b.Output}");
    }
}
