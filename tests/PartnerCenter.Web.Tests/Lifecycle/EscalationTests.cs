using Microsoft.Extensions.Time.Testing;
using PartnerCenter.Core.Reviews;
using static PartnerCenter.Web.Tests.Reviews.ReviewKit;

namespace PartnerCenter.Web.Tests.Lifecycle;

/// <summary>A fake-clock app (pickup folder, no dispatcher) whose overdue reviews are escalated to <see cref="Address"/>.</summary>
public sealed class EscalatingApp : TestApp
{
    public const string Address = "escalations@platform.example";

    public EscalatingApp()
    {
        Clock = NewFakeClock();
        RunDispatcher = false;
    }

    protected override void ConfigureSettings(IDictionary<string, string?> settings) => settings["Review:EscalationEmail"] = Address;
}

/// <summary>
/// Issue 17, Escalation, on a fake clock from <see cref="TestApp.FakeStart"/> (Friday 2031-03-14 09:30 UTC). The seeded
/// Contoso request (Rafael Lima) was submitted a week before: due Tuesday 09:30, escalated from Wednesday 09:30. The seeded
/// Pedro Silva (Northwind) is due Monday 09:30. One test per class: the clock only moves forward.
/// </summary>
public sealed class OverdueDigestTests(EscalatingApp app) : AppTest<EscalatingApp>(app)
{
    private const string Subject = "reviews are overdue";

    [Fact]
    public async Task The_manager_gets_one_digest_a_day_in_their_zone_listing_every_overdue_kind_and_only_when_something_is_overdue()
    {
        var now = App.Now;
        var northwind = await App.PartnerIdAsync(Northwind);

        // An overdue extension request and an overdue resubmission besides the seeded manual review.
        var extension = Preregister.NewRecord(northwind, "Ezra Extension", NewEmail("ezra"), GermanMobile, now.AddDays(-13));
        Assert.True(extension.RequestExtension("Board meeting", now.AddDays(-2), now.AddHours(-1)).IsSuccess);
        var resubmitted = Preregister.NewRecord(northwind, "Rhea Wrong", NewEmail("rhea"), BrazilianMobile, now.AddDays(-5), ReviewTrigger.Country, now.AddDays(-3));
        Assert.True(resubmitted.ReturnForEdits("Check the name", ReturnFields.Name, now.AddDays(-4), now.AddDays(3)).IsSuccess);
        Assert.True(resubmitted.Resubmit("Rhea Resubmitted", null, now.AddDays(-3), now.AddHours(-2)).IsSuccess);
        await App.AddAsync(extension, resubmitted);

        // Another manager, in Shanghai (UTC+8), whose partner has one overdue review; a third whose review is not due yet.
        var shanghai = await CreateManagerAsync(App, "em.shanghai@platform.example", "Shu Manager");
        await App.WithDbAsync(db => db.Users.Where(u => u.Id == shanghai).ExecuteUpdateAsync(u => u.SetProperty(x => x.TimeZoneId, "Asia/Shanghai")));
        var east = await CreatePartnerAsync(App, "Eastern Partners", shanghai, "partners@eastern.example");
        await AddPendingReviewAsync(App, east, "Oskar Overdue", NewEmail("oskar"), now.AddDays(-6), now.AddDays(-1));
        var calm = await CreateManagerAsync(App, "em.calm@platform.example", "Cal Manager");
        var calmPartner = await CreatePartnerAsync(App, "Calm Partners", calm, "partners@calm.example");
        await AddPendingReviewAsync(App, calmPartner, "Nina Notyet", NewEmail("nina"), now, now.AddDays(30));

        // Two instances sweep at once, then once more: one digest per manager with something overdue.
        await Task.WhenAll(SweepAsync(), SweepAsync());
        Assert.Equal(0, await SweepAsync());
        var digest = Assert.Single(await DigestsToAsync(DemoUsers.EcosystemManager));
        Assert.Equal("3 reviews are overdue", digest.Subject);
        Assert.Contains($"Hello {DemoUsers.EcosystemManagerName},", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"- Manual review: {OverdueReviewName} (r***@prospects.example), Contoso Reseller, due {Utc(new DateTime(2031, 3, 11, 9, 30, 0, DateTimeKind.Utc))}", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Extension request: Ezra Extension (e***@prospects.example), Northwind Cloud", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Resubmission: Rhea Resubmitted (r***@prospects.example), Northwind Cloud", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Pedro Silva", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Oskar", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Rhea Resubmitted", digest.HtmlBody, StringComparison.Ordinal);
        var shu = Assert.Single(await DigestsToAsync("em.shanghai@platform.example"));
        Assert.Equal("1 review is overdue", shu.Subject);
        Assert.Contains("(UTC+08:00)", shu.TextBody, StringComparison.Ordinal);
        Assert.Empty(await DigestsToAsync("em.calm@platform.example"));
        Assert.Equal(2, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "OverdueDigestSent")));

        // 16:30 UTC: still Friday in UTC, already Saturday 00:30 in Shanghai: only Shu gets the next day's digest.
        App.FakeClock.SetUtcNow(new DateTimeOffset(2031, 3, 14, 16, 30, 0, TimeSpan.Zero));
        Assert.Equal(1, await SweepAsync());
        Assert.Single(await DigestsToAsync(DemoUsers.EcosystemManager));
        Assert.Equal(2, (await DigestsToAsync("em.shanghai@platform.example")).Count);

        // Monday 10:00 UTC: a new day for everyone; Pedro is overdue now too, and Nina's partner still has nothing overdue.
        App.FakeClock.SetUtcNow(new DateTimeOffset(2031, 3, 17, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, await SweepAsync());
        var monday = await DigestsToAsync(DemoUsers.EcosystemManager);
        Assert.Equal(2, monday.Count);
        Assert.Equal("4 reviews are overdue", monday[^1].Subject);
        Assert.Contains("- Manual review: Pedro Silva", monday[^1].TextBody, StringComparison.Ordinal);
        Assert.Empty(await DigestsToAsync("em.calm@platform.example"));
        Assert.Equal(1, await App.WithDbAsync(db => db.OverdueDigests.CountAsync(d => d.ManagerId == calm || (d.ManagerId == shanghai && d.Day == new DateOnly(2031, 3, 17)))));
    }

    private Task<int> SweepAsync() => App.WithServiceAsync<SendOverdueDigests, int>(s => s.ExecuteAsync(CancellationToken.None));

    private async Task<List<OutboxMessage>> DigestsToAsync(string to) =>
        (await MailToAsync(App, to)).Where(m => m.Subject.EndsWith(Subject, StringComparison.Ordinal) || m.Subject == "1 review is overdue").ToList();
}

/// <summary>
/// Issue 17, Escalation: one email per review round one working day past its target, to <c>Review:EscalationEmail</c>;
/// a resubmission's fresh target may be escalated again. Fake clock from Friday 2031-03-14 09:30 UTC.
/// </summary>
public sealed class ReviewEscalationTests(EscalatingApp app) : AppTest<EscalatingApp>(app)
{
    [Fact]
    public async Task A_review_one_working_day_overdue_is_escalated_once_per_round_weekends_do_not_count()
    {
        var now = App.Now;
        var northwind = await App.PartnerIdAsync(Northwind);

        // Due Friday 15:00 today: one working day later is Monday 15:00, not Saturday.
        var friday = await AddPendingReviewAsync(App, northwind, "Fritz Friday", NewEmail("fritz"), now.AddDays(-2).AddHours(5.5), now.AddHours(5.5));

        // The seeded Contoso request is already past Wednesday 09:30: escalated once, even by two instances at once.
        await Task.WhenAll(EscalateAsync(), EscalateAsync());
        Assert.Equal(0, await EscalateAsync());
        var mail = Assert.Single(await MailToAsync(App, EscalatingApp.Address));
        Assert.Equal("Escalation: Manual review for Contoso Reseller is one working day overdue", mail.Subject);
        Assert.Contains("- Customer: R*** L*** (r***@prospects.example)", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"- Ecosystem manager: {DemoUsers.EcosystemManagerName}", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(OverdueReviewName, mail.TextBody + mail.HtmlBody + mail.Subject, StringComparison.Ordinal);
        var rafael = await App.WithDbAsync(db => db.Preregistrations.Where(p => p.CustomerEmail == OverdueReviewEmail).Select(p => p.Id).SingleAsync());
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "ReviewEscalated" && a.EntityId == rafael.ToString())));

        // Saturday and Sunday: Fritz is overdue, but not one working day.
        App.FakeClock.SetUtcNow(new DateTimeOffset(2031, 3, 16, 23, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await EscalateAsync());

        // Monday 14:59 not yet; 15:00 Fritz is. Pedro (due Monday 09:30) is overdue but not one working day.
        App.FakeClock.SetUtcNow(new DateTimeOffset(2031, 3, 17, 14, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await EscalateAsync());
        App.FakeClock.SetUtcNow(new DateTimeOffset(2031, 3, 17, 15, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await EscalateAsync());
        Assert.Contains("Fritz Friday", await EscalatedNamesAsync(), StringComparer.Ordinal);
        Assert.Equal(2, (await MailToAsync(App, EscalatingApp.Address)).Count);

        // Tuesday 09:30: Pedro. The manager then returns Fritz; the partner resubmits: a fresh round, escalated again later.
        App.FakeClock.SetUtcNow(new DateTimeOffset(2031, 3, 18, 9, 30, 0, TimeSpan.Zero));
        Assert.Equal(1, await EscalateAsync());
        var managerId = await App.UserIdAsync(DemoUsers.EcosystemManager);
        var returned = await App.WithServiceAsync<ReturnForEdits, Result<Preregistration>>(s =>
            s.ExecuteAsync(managerId, friday, "Check the name", ReturnFields.Name, CancellationToken.None));
        Assert.True(returned.IsSuccess);
        await App.WithDbAsync(async db =>
        {
            var record = await db.Preregistrations.SingleAsync(p => p.Id == friday);
            Assert.True(record.Resubmit("Fritz Corrected", null, App.Now, App.Now.AddDays(1)).IsSuccess);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0, await EscalateAsync());
        App.FakeClock.SetUtcNow(new DateTimeOffset(2031, 3, 20, 9, 30, 0, TimeSpan.Zero));
        Assert.Equal(1, await EscalateAsync());
        var rounds = await App.WithDbAsync(db => db.ReviewEscalations.Where(e => e.PreregistrationId == friday).OrderBy(e => e.DueAt).Select(e => e.DueAt).ToListAsync());
        Assert.Equal([new DateTime(2031, 3, 14, 15, 0, 0, DateTimeKind.Utc), new DateTime(2031, 3, 19, 9, 30, 0, DateTimeKind.Utc)], rounds);
        Assert.Contains("Escalation: Resubmission for Northwind Cloud is one working day overdue", (await MailToAsync(App, EscalatingApp.Address)).Select(m => m.Subject));
        Assert.Equal(4, (await MailToAsync(App, EscalatingApp.Address)).Count);
    }

    [Fact]
    public async Task The_database_refuses_a_second_escalation_of_a_round_and_a_second_digest_of_a_day()
    {
        var id = await App.AddPreregistrationAsync(Northwind, "Dup Escalation", NewEmail("dupesc"));
        var partnerId = await App.PartnerIdAsync(Northwind);
        var due = new DateTime(2031, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        await App.WithDbAsync(async db =>
        {
            db.ReviewEscalations.Add(new ReviewEscalation { PreregistrationId = id, PartnerId = partnerId, DueAt = due, At = App.Now });
            db.OverdueDigests.Add(new OverdueDigest { ManagerId = "dup-manager", Day = new DateOnly(2031, 3, 1), Items = 1, At = App.Now });
            return await db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => App.WithDbAsync(async db =>
        {
            db.ReviewEscalations.Add(new ReviewEscalation { PreregistrationId = id, PartnerId = partnerId, DueAt = due, At = App.Now });
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<DbUpdateException>(() => App.WithDbAsync(async db =>
        {
            db.OverdueDigests.Add(new OverdueDigest { ManagerId = "dup-manager", Day = new DateOnly(2031, 3, 1), Items = 2, At = App.Now });
            return await db.SaveChangesAsync();
        }));
    }

    private Task<int> EscalateAsync() => App.WithServiceAsync<EscalateOverdueReviews, int>(s => s.ExecuteAsync(CancellationToken.None));

    private Task<List<string>> EscalatedNamesAsync() =>
        App.WithDbAsync(db => (from e in db.ReviewEscalations join p in db.Preregistrations on e.PreregistrationId equals p.Id select p.CustomerName).ToListAsync());
}

/// <summary>Two app instances on one database (each engine) sweep at the same moment: each digest and escalation goes out once.</summary>
public sealed class TwoInstanceEscalationTests
{
    [Theory, AllEngines]
    public async Task Two_instances_sweeping_at_once_queue_one_digest_and_one_escalation(DatabaseEngine engine)
    {
        var clock = new FakeTimeProvider(TestApp.FakeStart);
        await using var one = new EscalatingApp { Engine = engine, Clock = clock };
        await using var two = new EscalatingApp { DatabaseOf = one, Clock = clock };
        _ = one.Services;
        _ = two.Services;

        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(
                Task.Run(() => one.WithServiceAsync<SendOverdueDigests, int>(s => s.ExecuteAsync(CancellationToken.None))),
                Task.Run(() => two.WithServiceAsync<SendOverdueDigests, int>(s => s.ExecuteAsync(CancellationToken.None))),
                Task.Run(() => one.WithServiceAsync<EscalateOverdueReviews, int>(s => s.ExecuteAsync(CancellationToken.None))),
                Task.Run(() => two.WithServiceAsync<EscalateOverdueReviews, int>(s => s.ExecuteAsync(CancellationToken.None))));
        }

        Assert.Single(await MailToAsync(one, DemoUsers.EcosystemManager));
        Assert.Single(await MailToAsync(one, EscalatingApp.Address));
        Assert.Equal((1, 1), await one.WithDbAsync(async db => (await db.OverdueDigests.CountAsync(), await db.ReviewEscalations.CountAsync())));
    }

    [Fact]
    public async Task The_background_sweep_sends_the_digest_and_the_escalation_by_itself()
    {
        await using var app = new EscalatingApp { EscalationSweepInterval = TimeSpan.FromMinutes(1) };
        _ = app.Services;
        Assert.Empty(await MailToAsync(app, EscalatingApp.Address));

        app.FakeClock.Advance(TimeSpan.FromMinutes(1));
        await Poll.UntilAsync(async () => (await MailToAsync(app, EscalatingApp.Address)).Count == 1 && (await MailToAsync(app, DemoUsers.EcosystemManager)).Count == 1,
            what: "the sweep queues the seeded overdue review's digest and escalation");
    }
}
