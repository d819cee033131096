using static PartnerCenter.Web.Tests.Reviews.ReviewKit;

namespace PartnerCenter.Web.Tests.Reviews;

/// <summary>
/// The 2-working-day target on a fake clock. <see cref="TestApp.FakeStart"/> is
/// Friday 2031-03-14 09:30 UTC; the seeded Pedro Silva was submitted the day before, so he is due
/// Monday 09:30. One test per class: the clock only moves forward.
/// </summary>
public sealed class ReviewDeadlineTests(FakeClockApp app) : AppTest<FakeClockApp>(app)
{
    private static readonly DateTime FridayAfternoon = new(2031, 3, 14, 14, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime TuesdayAfternoon = new(2031, 3, 18, 14, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime PedroDue = new(2031, 3, 17, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_request_from_friday_afternoon_is_due_tuesday_afternoon_and_turns_overdue_after_it()
    {
        Assert.Equal(DayOfWeek.Friday, FridayAfternoon.DayOfWeek);
        // Starts the App, so seeding runs at Start, before the clock moves.
        var pedroDue = await App.WithDbAsync(db => db.Preregistrations.Where(p => p.CustomerName == "Pedro Silva").Select(p => p.ReviewDueAt).SingleAsync());
        Assert.Equal(PedroDue, pedroDue);
        App.Clock.SetUtcNow(FridayAfternoon);
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var email = NewEmail("frieda");
        var id = await SubmitForReviewAsync(App, sales, "Frieda Friday", email);

        Assert.Equal(TuesdayAfternoon, (await RecordAsync(App, id)).ReviewDueAt);
        var status = await PartnerStatusAsync(sales, email);
        Assert.StartsWith("Pending review", status, StringComparison.Ordinal);
        Assert.Contains($"Decision due {Shown.ToNorthwind(TuesdayAfternoon)}", status, StringComparison.Ordinal);

        // Friday: only the seeded week-old request (Contoso) is late; the earliest due comes first.
        using (var em = await App.SignedInClientAsync(DemoUsers.EcosystemManager))
        {
            var queue = await QueueAsync(em);
            Assert.Equal([DemoData.OverdueReviewName, "Pedro Silva", "Frieda Friday"], queue.QueuedCustomers());
            var frieda = queue.QueueRow("Frieda Friday");
            // Counted in working time, as the target is: Friday's rest, Monday and Tuesday until 14:30.
            Assert.Equal("2 d 0 h left", frieda.TimeLeft());
            Assert.Contains($"due {Utc(TuesdayAfternoon)}", Collapse(frieda.TextContent), StringComparison.Ordinal);
            Assert.False(frieda.IsMarkedOverdue());
            Assert.Equal("19 h 0 min left", queue.QueueRow("Pedro Silva").TimeLeft());
            Assert.False(queue.QueueRow("Pedro Silva").IsMarkedOverdue());
        }

        // Monday noon: Pedro is late and marked; Frieda still has time.
        App.Clock.SetUtcNow(new DateTime(2031, 3, 17, 12, 0, 0, DateTimeKind.Utc));
        using (var em = await App.SignedInClientAsync(DemoUsers.EcosystemManager))
        {
            var queue = await QueueAsync(em);
            Assert.Equal([DemoData.OverdueReviewName, "Pedro Silva", "Frieda Friday"], queue.QueuedCustomers());
            var pedro = queue.QueueRow("Pedro Silva");
            Assert.True(pedro.IsMarkedOverdue());
            Assert.Equal("Overdue by 2 h 30 min", pedro.TimeLeft());
            Assert.Contains($"due {Utc(PedroDue)}", Collapse(pedro.TextContent), StringComparison.Ordinal);
            Assert.False(queue.QueueRow("Frieda Friday").IsMarkedOverdue());
            Assert.Equal("1 d 2 h left", queue.QueueRow("Frieda Friday").TimeLeft());
        }

        // Tuesday 15:00: half an hour past Frieda's target.
        App.Clock.SetUtcNow(TuesdayAfternoon.AddMinutes(30));
        using (var em = await App.SignedInClientAsync(DemoUsers.EcosystemManager))
        {
            var queue = await QueueAsync(em);
            var frieda = queue.QueueRow("Frieda Friday");
            Assert.True(frieda.IsMarkedOverdue());
            Assert.Equal("Overdue by 0 h 30 min", frieda.TimeLeft());
            Assert.Equal("Overdue by 29 h 30 min", queue.QueueRow("Pedro Silva").TimeLeft());
        }
    }
}

/// <summary>Overdue first: the queue is ordered by due time.</summary>
public sealed class ReviewQueueOrderTests(FakeClockApp app) : AppTest<FakeClockApp>(app)
{
    [Fact]
    public async Task The_queue_orders_by_due_time_not_by_submission_so_the_overdue_come_first()
    {
        // Three records written straight into the database, submitted in one order and due in another
        // (as after a change to the holiday list): the queue follows the due times.
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var northwind = await App.WithDbAsync(db => db.Partners.Where(p => p.Name == Northwind).Select(p => p.Id).SingleAsync());
        await AddPendingReviewAsync(App, northwind, "Olga Oldest", NewEmail("olga"), now.AddDays(-3), now.AddDays(3));
        await AddPendingReviewAsync(App, northwind, "Lars Latest", NewEmail("lars"), now.AddMinutes(-5), now.AddHours(-1));
        await AddPendingReviewAsync(App, northwind, "Mira Middle", NewEmail("mira"), now.AddDays(-1), now.AddDays(1));
        var em = await SignInAsync(DemoUsers.EcosystemManager);

        var queue = await QueueAsync(em);

        var order = queue.QueuedCustomers().Where(n => n is "Olga Oldest" or "Lars Latest" or "Mira Middle").ToList();
        Assert.Equal(["Lars Latest", "Mira Middle", "Olga Oldest"], order);
        Assert.True(queue.QueueRow("Lars Latest").IsMarkedOverdue());
        Assert.Equal("Overdue by 1 h 0 min", queue.QueueRow("Lars Latest").TimeLeft());
        Assert.False(queue.QueueRow("Mira Middle").IsMarkedOverdue());
        // Every overdue row comes before every row with time left.
        var rows = queue.Document.QuerySelectorAll("main tbody tr").Select(tr => tr.IsMarkedOverdue()).ToList();
        Assert.Equal(rows.OrderByDescending(overdue => overdue).ToList(), rows);
    }
}

/// <summary>Configured holidays do not count as working days.</summary>
public sealed class HolidayClockFactory : FakeClockApp
{
    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        settings["Review:Holidays:0"] = "2031-03-17";
        settings["Review:Holidays:1"] = "2031-03-18";
    }
}

public sealed class ReviewHolidayTests(HolidayClockFactory app) : AppTest<HolidayClockFactory>(app)
{
    [Fact]
    public async Task A_request_from_friday_afternoon_skips_a_monday_and_tuesday_holiday_and_is_due_thursday_afternoon()
    {
        // Starts the App (seeding at Start) before the clock moves.
        Assert.True(await App.WithDbAsync(db => db.Partners.AnyAsync(p => p.Name == Northwind)));
        App.Clock.SetUtcNow(new DateTime(2031, 3, 14, 14, 30, 0, DateTimeKind.Utc));
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var email = NewEmail("hedda");

        var id = await SubmitForReviewAsync(App, sales, "Hedda Holiday", email);

        var thursday = new DateTime(2031, 3, 20, 14, 30, 0, DateTimeKind.Utc);
        Assert.Equal(thursday, (await RecordAsync(App, id)).ReviewDueAt);
        Assert.Contains($"Decision due {Shown.ToNorthwind(thursday)}", await PartnerStatusAsync(sales, email), StringComparison.Ordinal);
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        Assert.Equal("2 d 0 h left", (await QueueAsync(em)).QueueRow("Hedda Holiday").TimeLeft());
    }
}
