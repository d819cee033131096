using System.Text.Json;
using PartnerCenter.Core.Customers;
using static PartnerCenter.Web.Tests.Usage.UsageKit;

namespace PartnerCenter.Web.Tests.Usage;

/// <summary><c>POST /platform/usage</c> through a real HTTP client: the key, per-record refusals, idempotent replays, limits, malformed bodies.</summary>
public sealed class PlatformUsageTests(FakeClockApp app) : IClassFixture<FakeClockApp>
{
    private DateTime Earlier => app.Now.AddHours(-1);

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key")]
    [InlineData("Bearer dev-platform-key-not-a-secre")]
    [InlineData("Basic ZGV2LXBsYXRmb3JtLWtleS1ub3QtYS1zZWNyZXQ=")]
    [InlineData("dev-platform-key-not-a-secret")]
    public async Task Without_the_key_or_with_a_wrong_one_the_answer_is_401_problem_json_and_nothing_is_recorded(string? authorization)
    {
        var (id, email) = await CustomerAsync(app, "Una Unauthorized");
        using var client = app.CreateClient();

        var answer = await PostRawAsync(client, JsonSerializer.Serialize(Record("unauth-" + Guid.NewGuid(), email, 5m, Earlier)),
            key: null, authorization: authorization ?? "");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal("unauthorized", answer.Code);
        Assert.False(await app.WithDbAsync(db => db.UsageRecords.AnyAsync(r => r.CustomerAccountId == id)));
    }

    [Fact]
    public async Task One_record_is_recorded_and_moves_used_on_the_customers_page()
    {
        var (id, email) = await CustomerAsync(app, "Otto Onerecord", BudgetType.Monthly, 100m, frozen: false);
        using var client = app.CreateClient();
        var usageId = "one-" + Guid.NewGuid();

        var answer = await PostAsync(client, Record(usageId, email.ToUpperInvariant(), 12.34m, Earlier));

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal(1, answer.Body.GetProperty("recorded").GetInt32());
        var accepted = Assert.Single(answer.Accepted);
        Assert.Equal("recorded", accepted.GetProperty("status").GetString());
        Assert.Equal(usageId, accepted.GetProperty("record").GetProperty("id").GetString());
        Assert.Equal(12.34m, accepted.GetProperty("record").GetProperty("amount").GetDecimal());

        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var page = await sales.GetPageAsync("/Customers");
        var row = page.Document.QuerySelector($"input[name='ids'][value='{id}']")!.Closest("tr")!;
        Assert.Contains("12.34 USD", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("80% used", row.TextContent, StringComparison.Ordinal);

        // Northwind develops business in Germany: its budgets reset in Berlin's calendar (UTC+01:00 on the fake date, 14 March).
        Assert.Contains("Resets 00:00 on the 1st (Europe/Berlin, UTC+01:00)", page.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_refused_record_is_listed_with_its_index_id_and_code_and_the_valid_ones_of_the_batch_are_recorded()
    {
        var (id, email) = await CustomerAsync(app, "Rita Refusals", BudgetType.Monthly, 1000m);
        var unassociated = await app.WithDbAsync(async db =>
        {
            var free = new CustomerAccount { Email = Preregister.NewEmail("free"), Name = "Free Account", CountryCode = "DE", RegisteredAt = app.Now.AddDays(-3) };
            db.CustomerAccounts.Add(free);
            await db.SaveChangesAsync();
            return free.Email;
        });
        var tag = Guid.NewGuid().ToString("N")[..8];
        object[] batch =
        [
            Record($"ok-a-{tag}", email, 10m, Earlier),                                    // 0 recorded
            Record($"unknown-{tag}", "nobody-" + tag + "@customers.example", 1m, Earlier), // 1
            Record($"eur-{tag}", email, 1m, Earlier, currency: "EUR"),                     // 2
            Record($"neg-{tag}", email, -1m, Earlier),                                     // 3
            Record($"huge-{tag}", email, 1_000_000.01m, Earlier),                          // 4
            new { id = $"nodate-{tag}", customerEmail = email, amount = 1m, currency = "USD" },                              // 5
            new { id = $"baddate-{tag}", customerEmail = email, amount = 1m, currency = "USD", occurredAt = "14/03/2031" },  // 6
            new { id = $"local-{tag}", customerEmail = email, amount = 1m, currency = "USD", occurredAt = "2031-03-14T08:00:00" }, // 7 no zone
            Record($"future-{tag}", email, 1m, app.Now.AddHours(1)),                       // 8
            new { id = $"text-{tag}", customerEmail = email, amount = "12.34", currency = "USD", occurredAt = "2031-03-14T08:00:00Z" }, // 9
            new { customerEmail = email, amount = 1m, currency = "USD", occurredAt = "2031-03-14T08:00:00Z" },              // 10 no id
            Record($"free-{tag}", unassociated, 1m, Earlier),                              // 11
            Record($"decimals-{tag}", email, 0.0000001m, Earlier),                         // 12
            42,                                                                            // 13
            Record($"ok-b-{tag}", email, 5.5m, Earlier),                                   // 14 recorded
        ];
        using var client = app.CreateClient();

        var answer = await PostAsync(client, batch);

        Assert.True(answer.Status == HttpStatusCode.BadRequest, answer.ToString());
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal("usage_records_refused", answer.Code);
        var refused = answer.Refused.ToDictionary(r => r.GetProperty("index").GetInt32(), r => r.GetProperty("code").GetString());
        Assert.Equal(new Dictionary<int, string?>
        {
            [1] = "unknown_customer",
            [2] = "unsupported_currency",
            [3] = "negative_amount",
            [4] = "amount_too_large",
            [5] = "missing_field",
            [6] = "invalid_occurred_at",
            [7] = "invalid_occurred_at",
            [8] = "future_occurred_at",
            [9] = "invalid_amount",
            [10] = "missing_field",
            [11] = "not_a_partner_customer",
            [12] = "too_many_decimals",
            [13] = "not_an_object",
        }, refused);
        Assert.Equal($"eur-{tag}", answer.Refused.Single(r => r.GetProperty("index").GetInt32() == 2).GetProperty("id").GetString());
        Assert.Equal([0, 14], answer.Accepted.Select(a => a.GetProperty("index").GetInt32()));
        Assert.Equal(2, answer.Body.GetProperty("recorded").GetInt32());
        var recorded = await app.WithDbAsync(db => db.UsageRecords.Where(r => r.CustomerAccountId == id).Select(r => r.ExternalId).OrderBy(x => x).ToListAsync());
        Assert.Equal([$"ok-a-{tag}", $"ok-b-{tag}"], recorded);
    }

    [Fact]
    public async Task A_replay_changes_nothing_and_answers_200_with_what_was_recorded_first()
    {
        var (id, email) = await CustomerAsync(app, "Ralf Replay", BudgetType.Monthly, 100m);
        var usageId = "replay-" + Guid.NewGuid();
        using var client = app.CreateClient();
        var first = await PostAsync(client, Record(usageId, email, 85m, Earlier));
        Assert.Equal(HttpStatusCode.OK, first.Status);

        // The same id again, even with other content, and twice in one batch: nothing more is recorded.
        var again = await PostAsync(client, new[] { Record(usageId, email, 99m, Earlier.AddMinutes(5)), Record(usageId, email, 85m, Earlier) });

        Assert.True(again.Status == HttpStatusCode.OK, again.ToString());
        Assert.Equal(0, again.Body.GetProperty("recorded").GetInt32());
        Assert.Equal(2, again.Body.GetProperty("alreadyRecorded").GetInt32());
        Assert.All(again.Accepted, a =>
        {
            Assert.Equal("already_recorded", a.GetProperty("status").GetString());
            Assert.Equal(85m, a.GetProperty("record").GetProperty("amount").GetDecimal());
        });
        var records = await app.WithDbAsync(db => db.UsageRecords.Where(r => r.CustomerAccountId == id).Select(r => r.Amount).ToListAsync());
        Assert.Equal([85m], records);

        // The 80% alert went out once, with the first post only.
        Assert.Equal(NorthwindRecipients.Length, (await AlertEmailsAsync(app, "Ralf Replay")).Count);
    }

    [Fact]
    public async Task A_batch_of_1000_is_recorded_and_one_of_1001_is_refused_as_a_whole()
    {
        var (id, email) = await CustomerAsync(app, "Bea Batch");
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var client = app.CreateClient();

        var tooMany = await PostAsync(client, Enumerable.Range(0, 1001).Select(i => Record($"many-{tag}-{i}", email, 0.01m, Earlier)).ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
        Assert.Equal("application/problem+json", tooMany.ContentType);
        Assert.Equal("too_many_records", tooMany.Code);
        Assert.False(await app.WithDbAsync(db => db.UsageRecords.AnyAsync(r => r.CustomerAccountId == id)));

        var most = await PostAsync(client, Enumerable.Range(0, 1000).Select(i => Record($"many-{tag}-{i}", email, 0.01m, Earlier)).ToArray());
        Assert.True(most.Status == HttpStatusCode.OK, most.ToString()[..Math.Min(500, most.ToString().Length)]);
        Assert.Equal(1000, most.Body.GetProperty("recorded").GetInt32());
        Assert.Equal(1000, await app.WithDbAsync(db => db.UsageRecords.CountAsync(r => r.CustomerAccountId == id)));
    }

    [Theory]
    [InlineData("{", "malformed_json")]
    [InlineData("", "malformed_json")]
    [InlineData("42", "malformed_json")]
    [InlineData("\"usage\"", "malformed_json")]
    [InlineData("[1, 2", "malformed_json")]
    [InlineData("[]", "no_records")]
    public async Task A_malformed_body_is_refused_as_a_whole_with_400_problem_json(string body, string code)
    {
        using var client = app.CreateClient();

        var answer = await PostRawAsync(client, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal(code, answer.Code);
    }
}

/// <summary>The endpoint is off while no key is configured: even the development key is refused.</summary>
public sealed class UnconfiguredPlatformKeyTests(UnconfiguredPlatformKeyTests.NoKeyApp app) : IClassFixture<UnconfiguredPlatformKeyTests.NoKeyApp>
{
    public sealed class NoKeyApp : TestApp
    {
        public NoKeyApp() => SeedDemoData = false;

        protected override void ConfigureSettings(IDictionary<string, string?> settings) => settings["Platform:ApiKey"] = "";
    }

    [Fact]
    public async Task Without_a_configured_key_every_post_answers_401()
    {
        using var client = app.CreateClient();

        var answer = await PostAsync(client, Record("x-" + Guid.NewGuid(), "loyal@customers.example", 1m, app.Now.AddMinutes(-1)));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("unauthorized", answer.Code);
        Assert.Contains("not configured", answer.Body.GetProperty("title").GetString(), StringComparison.Ordinal);
    }
}
