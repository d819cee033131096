using static PartnerCenter.Web.Tests.Associations.AssociationKit;
using static PartnerCenter.Web.Tests.Invitations.InvitationSteps;

namespace PartnerCenter.Web.Tests.Lifecycle;

/// <summary>Issue 17, Reminders: digests 3 days and 1 day before claims lapse, once each, the Profile switch, the list's mark.</summary>
public sealed class ClaimReminderTests(Invitations.FakeClockPickupApp app) : AppTest<Invitations.FakeClockPickupApp>(app)
{
    [Fact]
    public async Task Reminders_go_out_as_one_digest_per_recipient_once_per_threshold_and_not_to_a_user_who_turned_them_off()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var admin = await SignInAsync(DemoUsers.NorthwindAdmin);
        using (var off = await admin.PostFormAsync("/Profile", ("TimeZoneId", ""), ("EmailOnReviewDecided", "true"),
                   ("EmailOnCustomerAssociated", "true"), ("ClaimReminders", "false")))
        {
            await off.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        var profile = await admin.GetPageAsync("/Profile");
        Assert.False(((AngleSharp.Html.Dom.IHtmlInputElement)profile.Document.QuerySelector("input#ClaimReminders")!).IsChecked);
        var rita = await PreregisterAsync(App, sales, "Reminder Rita", NewEmail("rita"));
        var rolf = await PreregisterAsync(App, sales, "Reminder Rolf", NewEmail("rolf"));
        var rosa = await PreregisterAsync(App, admin, "Reminder Rosa", NewEmail("rosa"));
        var before = (await App.OutboxAsync()).Count;

        App.FakeClock.Advance(TimeSpan.FromDays(11));
        Assert.Equal(0, await RemindAsync(mine: [rita, rolf, rosa]));

        // 3 days before: two instances sweep at once; each claim is reminded once, one digest per recipient.
        App.FakeClock.Advance(TimeSpan.FromDays(1));
        await Task.WhenAll(SweepAsync(), SweepAsync());
        await SweepAsync();
        var mails = (await App.OutboxAsync()).Skip(before).Where(m => m.Subject.Contains("lapse", StringComparison.Ordinal)).ToList();
        var toSales = Assert.Single(mails, m => m.To == DemoUsers.NorthwindSales);
        Assert.Equal("2 preregistrations lapse soon", toSales.Subject);
        Assert.Contains("Reminder Rita", toSales.TextBody, StringComparison.Ordinal);
        Assert.Contains("Reminder Rolf", toSales.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Reminder Rosa", toSales.TextBody, StringComparison.Ordinal);
        Assert.Contains("(in 3 days)", toSales.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(mails, m => m.To == DemoUsers.NorthwindAdmin);
        var toReserved = Assert.Single(mails, m => m.To == NorthwindReservedEmail && m.TextBody.Contains("Reminder Rita", StringComparison.Ordinal));
        Assert.Contains("Reminder Rosa", toReserved.TextBody, StringComparison.Ordinal);
        Assert.Equal([3, 3, 3], await DaysRemindedAsync(rita, rolf, rosa));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "ClaimReminderSent" && a.EntityId == rita.ToString())));

        // 1 day before: the second threshold, once more.
        App.FakeClock.Advance(TimeSpan.FromDays(2));
        await SweepAsync();
        await SweepAsync();
        var later = (await App.OutboxAsync()).Skip(before).Where(m => m.To == DemoUsers.NorthwindSales && m.Subject.Contains("lapse", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, later.Count);
        Assert.Contains("(in 1 day)", later[^1].TextBody, StringComparison.Ordinal);
        Assert.Equal([1, 1, 1, 3, 3, 3], await DaysRemindedAsync(rita, rolf, rosa));

        // The list marks claims lapsing within 3 days, with words; a fresh claim is not marked.
        sales = await SignInAsync(DemoUsers.NorthwindSales);
        var fresh = await App.AddPreregistrationAsync(Northwind, "Fred Fresh", NewEmail("fred"));
        var list = await sales.GetPageAsync("/CustomerDevelopment?q=Reminder");
        Assert.Equal(["Lapses soon", "Lapses soon", "Lapses soon"], list.Document.QuerySelectorAll("tr.lapsing-soon [data-testid=lapsing-soon]").Select(b => b.TextContent.Trim()));
        var freshList = await sales.GetPageAsync("/CustomerDevelopment?q=Fred");
        Assert.Single(freshList.Document.QuerySelectorAll("tbody tr"));
        Assert.Empty(freshList.Document.QuerySelectorAll("tr.lapsing-soon, [data-testid=lapsing-soon]"));
        Assert.NotEqual(Guid.Empty, fresh);
    }

    [Fact]
    public async Task The_database_refuses_a_second_reminder_for_the_same_claim_and_threshold()
    {
        var id = await App.AddPreregistrationAsync(Northwind, "Dup Reminder", NewEmail("dup"));
        var partnerId = await App.PartnerIdAsync(Northwind);
        await App.WithDbAsync(async db =>
        {
            db.ClaimReminders.Add(new ClaimReminder { PreregistrationId = id, PartnerId = partnerId, DaysBefore = 3, At = App.Now });
            return await db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => App.WithDbAsync(async db =>
        {
            db.ClaimReminders.Add(new ClaimReminder { PreregistrationId = id, PartnerId = partnerId, DaysBefore = 3, At = App.Now });
            return await db.SaveChangesAsync();
        }));
    }

    private Task<int> SweepAsync() => App.WithServiceAsync<SendClaimReminders, int>(s => s.ExecuteAsync(CancellationToken.None));

    private async Task<int> RemindAsync(Guid[] mine)
    {
        await SweepAsync();
        return await App.WithDbAsync(db => db.ClaimReminders.CountAsync(r => mine.Contains(r.PreregistrationId)));
    }

    private Task<List<int>> DaysRemindedAsync(params Guid[] ids) =>
        App.WithDbAsync(db => db.ClaimReminders.Where(r => ids.Contains(r.PreregistrationId)).Select(r => r.DaysBefore).OrderBy(d => d).ToListAsync());
}
