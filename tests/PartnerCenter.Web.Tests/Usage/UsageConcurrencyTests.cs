using PartnerCenter.Core.Customers;
using static PartnerCenter.Web.Tests.Usage.UsageKit;

namespace PartnerCenter.Web.Tests.Usage;

/// <summary>Two app instances on one database, usage posted in parallel: each threshold email, each automatic freeze and each record happens once.</summary>
public sealed class UsageConcurrencyTests
{
    [Theory, AllEngines]
    public async Task Parallel_posts_on_two_instances_record_each_id_once_and_alert_and_freeze_once(DatabaseEngine engine)
    {
        await using var first = new TestApp { Engine = engine };
        var (id, email) = await CustomerAsync(first, "Paula Parallel", BudgetType.Monthly, 100m, FreezeOnExhaustion.Automatically, frozen: false);
        await using var second = new TestApp { DatabaseOf = first, SeedDemoData = false };
        using var a = first.CreateClient();
        using var b = second.CreateClient();
        var at = first.Now.AddMinutes(-5);
        var replayed = "same-" + Guid.NewGuid();

        // 20 distinct records of 10 USD (twice the budget) and 10 replays of one more id, spread over both instances.
        var posts = Enumerable.Range(0, 20).Select(i => Record($"par-{Guid.NewGuid():N}", email, 10m, at))
            .Concat(Enumerable.Range(0, 10).Select(_ => Record(replayed, email, 1m, at)))
            .Select((record, i) => PostAsync(i % 2 == 0 ? a : b, record))
            .ToList();
        var answers = await Task.WhenAll(posts);

        Assert.All(answers, answer => Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString()));
        Assert.Equal(21, await first.WithDbAsync(db => db.UsageRecords.CountAsync(r => r.CustomerAccountId == id)));
        Assert.Equal(1, answers.Sum(x => x.Body.GetProperty("recorded").GetInt32()) - 20);
        var alerts = await first.WithDbAsync(db => db.BudgetAlerts.AsNoTracking().Where(x => x.CustomerAccountId == id).Select(x => x.Level).ToListAsync());
        Assert.Equal([BudgetLevel.Warning, BudgetLevel.Exhausted], alerts.Order());
        var emails = await AlertEmailsAsync(first, "Paula Parallel");
        Assert.Equal(2 * NorthwindRecipients.Length, emails.Count);
        Assert.Equal(NorthwindRecipients.Length, emails.Select(m => m.To).Distinct().Count());
        var freezes = await first.WithDbAsync(db => db.BudgetAdjustments.AsNoTracking().Where(x => x.CustomerAccountId == id).ToListAsync());
        var freeze = Assert.Single(freezes);
        Assert.Equal((AdjustmentKind.Freeze, null, "budget exhausted"), (freeze.Kind, freeze.ActorUserId, freeze.Reason));
        Assert.True((await AccountAsync(first, id)).IsFrozen);
    }
}
