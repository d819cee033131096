using PartnerCenter.Core.Customers;
using static PartnerCenter.Web.Tests.Usage.UsageKit;

namespace PartnerCenter.Web.Tests.Usage;

/// <summary>80% and 100%: the partner is emailed once per period and threshold; Automatically freezes (by "system"), Manually only alerts.</summary>
public sealed class BudgetThresholdTests(FakeClockApp app) : IClassFixture<FakeClockApp>
{
    private int sequence;

    private DateTime Earlier => app.Now.AddMinutes(-30);

    [Fact]
    public async Task Automatically_alerts_once_at_80_and_at_100_percent_and_freezes_at_once_by_system()
    {
        var (id, email) = await CustomerAsync(app, "Adam Automatic", BudgetType.Monthly, 100m, FreezeOnExhaustion.Automatically, frozen: false);
        using var client = app.CreateClient();

        await SpendAsync(client, email, 50m);
        Assert.Empty(await AlertEmailsAsync(app, "Adam Automatic"));

        await SpendAsync(client, email, 30m);
        await SpendAsync(client, email, 10m);
        var warned = await AlertEmailsAsync(app, "Adam Automatic");
        Assert.Equal(NorthwindRecipients.Order(StringComparer.Ordinal), warned.Select(m => m.To));
        Assert.All(warned, m => Assert.Equal("80% of the budget used: Adam Automatic", m.Subject));
        Assert.False((await AccountAsync(app, id)).IsFrozen);

        await SpendAsync(client, email, 20m);
        await SpendAsync(client, email, 5m);

        var account = await AccountAsync(app, id);
        Assert.True(account.IsFrozen);
        var emails = await AlertEmailsAsync(app, "Adam Automatic");
        Assert.Equal(2 * NorthwindRecipients.Length, emails.Count);
        Assert.Equal(NorthwindRecipients.Length, emails.Count(m => m.Subject == "Budget exhausted: Adam Automatic"));
        var adjustment = Assert.Single(await app.WithDbAsync(db => db.BudgetAdjustments.AsNoTracking().Where(b => b.CustomerAccountId == id).ToListAsync()));
        Assert.Equal((AdjustmentKind.Freeze, null, "budget exhausted"), (adjustment.Kind, adjustment.ActorUserId, adjustment.Reason));
        Assert.Equal(("Monthly 100.00 USD, freeze automatically, not frozen", "Monthly 100.00 USD, freeze automatically, frozen"), (adjustment.Before, adjustment.After));

        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var row = (await sales.GetPageAsync("/Customers")).Document.QuerySelector($"input[name='ids'][value='{id}']")!.Closest("tr")!;
        Assert.Contains("Budget exhausted", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("115.00 USD", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Frozen", row.TextContent, StringComparison.Ordinal);
        var records = await sales.GetPageAsync($"/Customers/Adjustments/{id}");
        var cells = records.Document.QuerySelectorAll("main tbody tr").Single().QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["system", "Freeze"], cells.Skip(1).Take(2));
        Assert.Equal("budget exhausted", cells[^1]);
    }

    [Fact]
    public async Task Manually_only_alerts_at_100_percent_and_the_page_shows_80_percent_used_and_budget_exhausted()
    {
        var (exhausted, exhaustedEmail) = await CustomerAsync(app, "Mia Manual", BudgetType.Monthly, 100m, FreezeOnExhaustion.Manually, frozen: false);
        var (warned, warnedEmail) = await CustomerAsync(app, "Walt Warned", BudgetType.OneTime, 200m, FreezeOnExhaustion.Automatically, frozen: false);
        using var client = app.CreateClient();

        await SpendAsync(client, exhaustedEmail, 100m);
        await SpendAsync(client, warnedEmail, 160m);

        Assert.False((await AccountAsync(app, exhausted)).IsFrozen);
        Assert.False(await app.WithDbAsync(db => db.BudgetAdjustments.AnyAsync(b => b.CustomerAccountId == exhausted)));
        var emails = await AlertEmailsAsync(app, "Mia Manual");
        Assert.Equal(NorthwindRecipients.Length, emails.Count(m => m.Subject == "Budget exhausted: Mia Manual"));
        Assert.Equal(NorthwindRecipients.Length, emails.Count(m => m.Subject == "80% of the budget used: Mia Manual"));
        Assert.False((await AccountAsync(app, warned)).IsFrozen);

        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var page = await sales.GetPageAsync("/Customers");
        var exhaustedRow = page.Document.QuerySelector($"input[name='ids'][value='{exhausted}']")!.Closest("tr")!;
        var warnedRow = page.Document.QuerySelector($"input[name='ids'][value='{warned}']")!.Closest("tr")!;
        Assert.Contains("Budget exhausted", exhaustedRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("80% used", warnedRow.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Budget exhausted", warnedRow.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_time_budget_counts_spend_since_it_was_set_and_a_new_setting_starts_afresh()
    {
        var (id, email) = await CustomerAsync(app, "Olga Onetime", BudgetType.OneTime, 100m, FreezeOnExhaustion.Automatically, frozen: false);
        using var client = app.CreateClient();

        // Spend from before the budget was set does not count.
        await SpendAsync(client, email, 500m, app.Now.AddHours(-2));
        await SpendAsync(client, email, 30m);

        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var row = (await sales.GetPageAsync("/Customers")).Document.QuerySelector($"input[name='ids'][value='{id}']")!.Closest("tr")!;
        Assert.Contains("30.00 USD", row.TextContent, StringComparison.Ordinal);
        Assert.Empty(await AlertEmailsAsync(app, "Olga Onetime"));
        Assert.False((await AccountAsync(app, id)).IsFrozen);
    }

    private async Task SpendAsync(HttpClient client, string email, decimal amount, DateTime? at = null)
    {
        var answer = await PostAsync(client, Record($"t-{Guid.NewGuid():N}-{Interlocked.Increment(ref sequence)}", email, amount, at ?? Earlier));
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
    }
}
