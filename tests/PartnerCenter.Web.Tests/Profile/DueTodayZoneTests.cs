using PartnerCenter.Core.Accounts;
using static PartnerCenter.Web.Tests.Profile.ProfileKit;
using static PartnerCenter.Web.Tests.Reviews.ReviewKit;

namespace PartnerCenter.Web.Tests.Profile;

/// <summary>"Reviews due today" on the dashboard ends at the ecosystem manager's midnight, not UTC's.</summary>
public sealed class DueTodayZoneTests(FakeClockApp app) : AppTest<FakeClockApp>(app)
{
    [Fact]
    public async Task Due_today_follows_the_managers_zone()
    {
        // Now: 2031-03-14 09:30 UTC, 17:30 in Shanghai.
        var managerEmail = $"em.{Guid.NewGuid():N}@platform.example";
        var managerId = await CreateManagerAsync(App, managerEmail, "Zhou Manager");
        var partnerId = await CreatePartnerAsync(App, "Boundary Partner", managerId, "ops@boundary.example");
        var now = App.Now;
        // 23:00 in Shanghai today, and 01:00 in Shanghai tomorrow (still today in UTC).
        await AddPendingReviewAsync(App, partnerId, "Late Tonight", Preregister.NewEmail("late"), now.AddHours(-1), new DateTime(2031, 3, 14, 15, 0, 0, DateTimeKind.Utc));
        await AddPendingReviewAsync(App, partnerId, "After Midnight", Preregister.NewEmail("after"), now.AddHours(-1), new DateTime(2031, 3, 14, 17, 0, 0, DateTimeKind.Utc));
        var manager = await SignInAsync(managerEmail);

        // The manager's default is UTC: both are due today.
        Assert.Equal("2", await DueTodayAsync(manager));

        Assert.Contains("Profile saved.", (await SaveProfileAsync(manager, "Asia/Shanghai")).Alerts("success"));
        Assert.Equal("1", await DueTodayAsync(manager));

        // The queue shows the deadlines in the manager's zone, and which calendar the working days follow.
        var queue = await QueueAsync(manager);
        Assert.Contains("due 2031-03-15 01:00 (UTC+08:00)", Collapse(queue.QueueRow("After Midnight").TextContent), StringComparison.Ordinal);
        Assert.Contains("Working days and deadlines follow the calendar of UTC", queue.MainText, StringComparison.Ordinal);
    }

    private static async Task<string> DueTodayAsync(PartnerCenterClient manager)
    {
        var page = await manager.GetPageAsync("/Ecosystem");
        page.AssertStatus(HttpStatusCode.OK);
        var card = page.Document.QuerySelectorAll("main section").Single(s => s.QuerySelector("h2")!.TextContent.Trim() == "Boundary Partner");
        return card.QuerySelectorAll("p strong")[0].TextContent.Trim();
    }
}
