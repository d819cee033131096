using Microsoft.Extensions.Time.Testing;
using PartnerCenter.Core.Customers;
using static PartnerCenter.Web.Tests.Usage.UsageKit;

namespace PartnerCenter.Web.Tests.Usage;

/// <summary>
/// A fake clock across a month end in the partner's zone: Northwind is in Europe/Berlin (UTC+02:00 on
/// 31 March 2031), so its month ends at 22:00 UTC, not at midnight UTC.
/// </summary>
public sealed class BudgetResetTests
{
    private static readonly DateTimeOffset EveningOfMarch31 = new(2031, 3, 31, 20, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset BerlinMidnight = new(2031, 3, 31, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task At_midnight_on_the_1st_in_the_partners_zone_used_resets_and_the_sweeper_unfreezes_what_froze_automatically()
    {
        var clock = new FakeTimeProvider(EveningOfMarch31);
        await using var app = new TestApp { Clock = clock, BudgetResetSweepInterval = TimeSpan.FromHours(1) };
        var (auto, autoEmail) = await CustomerAsync(app, "Arno Autofreeze", BudgetType.Monthly, 100m, FreezeOnExhaustion.Automatically, frozen: false);
        var (kept, keptEmail) = await CustomerAsync(app, "Karl Keptfrozen", BudgetType.Monthly, 100m, FreezeOnExhaustion.Automatically, frozen: true);
        using var client = app.CreateClient();
        await SpendAsync(client, autoEmail, 100m, clock.GetUtcNow().UtcDateTime.AddMinutes(-10));
        await SpendAsync(client, keptEmail, 100m, clock.GetUtcNow().UtcDateTime.AddMinutes(-10));
        Assert.True((await AccountAsync(app, auto)).IsFrozen);
        Assert.False(await app.WithDbAsync(db => db.BudgetAdjustments.AnyAsync(b => b.CustomerAccountId == kept)));

        // 23:59 in Berlin (21:59 UTC): still March there; the sweeper ran at 21:00 UTC and changed nothing.
        clock.Advance(BerlinMidnight - EveningOfMarch31 - TimeSpan.FromMinutes(1));
        await Task.Delay(200);
        Assert.True((await AccountAsync(app, auto)).IsFrozen);
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        Assert.Contains("100.00 USD", (await RowAsync(sales, auto)).TextContent, StringComparison.Ordinal);

        // 00:00 on 1 April in Berlin: the sweeper's hourly round unfreezes the account the system froze.
        clock.Advance(TimeSpan.FromMinutes(1));
        await Poll.UntilAsync(async () => !(await AccountAsync(app, auto)).IsFrozen, what: "the sweeper unfreezes the account at the reset");
        Assert.True((await AccountAsync(app, kept)).IsFrozen);
        Assert.False(await app.WithDbAsync(db => db.BudgetAdjustments.AnyAsync(b => b.CustomerAccountId == kept)));
        var adjustments = await app.WithDbAsync(db => db.BudgetAdjustments.AsNoTracking().Where(b => b.CustomerAccountId == auto).OrderBy(b => b.Id).ToListAsync());
        Assert.Equal([(AdjustmentKind.Freeze, "budget exhausted"), (AdjustmentKind.Unfreeze, "monthly budget reset")], adjustments.Select(a => (a.Kind, a.Reason!)));
        Assert.All(adjustments, a => Assert.Null(a.ActorUserId));

        var row = await RowAsync(sales, auto);
        Assert.Contains("0.00 USD", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Budget exhausted", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not frozen", row.TextContent, StringComparison.Ordinal);

        // A new period: the 80% alert goes out again, once.
        await SpendAsync(client, autoEmail, 85m, clock.GetUtcNow().UtcDateTime);
        var warnings = (await AlertEmailsAsync(app, "Arno Autofreeze")).Count(m => m.Subject.StartsWith("80%", StringComparison.Ordinal));
        Assert.Equal(2 * NorthwindRecipients.Length, warnings);
    }

    [Fact]
    public async Task A_usage_post_after_the_reset_unfreezes_at_once_even_before_the_sweeper_runs()
    {
        var clock = new FakeTimeProvider(EveningOfMarch31);
        await using var app = new TestApp { Clock = clock, BudgetResetSweepInterval = TimeSpan.FromDays(7) };
        var (id, email) = await CustomerAsync(app, "Udo Usagetime", BudgetType.Monthly, 100m, FreezeOnExhaustion.Automatically, frozen: false);
        using var client = app.CreateClient();
        await SpendAsync(client, email, 120m, clock.GetUtcNow().UtcDateTime.AddMinutes(-10));
        Assert.True((await AccountAsync(app, id)).IsFrozen);

        clock.Advance(BerlinMidnight - EveningOfMarch31 + TimeSpan.FromMinutes(30));
        Assert.True((await AccountAsync(app, id)).IsFrozen);
        await SpendAsync(client, email, 10m, clock.GetUtcNow().UtcDateTime.AddMinutes(-1));
        Assert.True(clock.GetUtcNow() - TimeSpan.FromMinutes(1) > BerlinMidnight);

        var account = await AccountAsync(app, id);
        Assert.False(account.IsFrozen);
        Assert.Null(account.AutoFrozenInPeriod);
        var unfreeze = await app.WithDbAsync(db => db.BudgetAdjustments.AsNoTracking().Where(b => b.CustomerAccountId == id && b.Kind == AdjustmentKind.Unfreeze).ToListAsync());
        Assert.Equal("monthly budget reset", Assert.Single(unfreeze).Reason);
    }

    private static async Task SpendAsync(HttpClient client, string email, decimal amount, DateTime at)
    {
        var answer = await PostAsync(client, Record($"r-{Guid.NewGuid():N}", email, amount, at));
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
    }

    private static async Task<AngleSharp.Dom.IElement> RowAsync(PartnerCenterClient sales, int id) =>
        (await sales.GetPageAsync("/Customers")).Document.QuerySelector($"input[name='ids'][value='{id}']")!.Closest("tr")!;
}
