using PartnerCenter.Core.Customers;

namespace PartnerCenter.Web.Tests.Api;

/// <summary>/api/v1/customers: list, one with its ETag, budget with If-Match (412 when stale), freeze and unfreeze with a reason.</summary>
public sealed class ApiCustomerTests(ApiApp app) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task Customers_are_listed_and_read_one_by_one_with_an_etag()
    {
        using var api = await app.NorthwindClientAsync();
        var id = await app.AssociatedCustomerAsync("Cora Customer");
        using var list = await api.GetAsync("api/v1/customers");
        var rows = (await list.JsonOfAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        var row = rows.Single(r => r.GetProperty("id").GetInt32() == id);
        Assert.True(row.GetProperty("isFrozen").GetBoolean());
        Assert.Equal("none", row.Str("budgetType"));
        Assert.NotNull(list.Headers.ETag);

        using var one = await api.GetAsync($"api/v1/customers/{id}");
        Assert.Equal("Cora Customer", (await one.JsonOfAsync(HttpStatusCode.OK)).Str("name"));
        var etag = one.Headers.ETag!.Tag;
        using var unchanged = await api.GetAsync($"api/v1/customers/{id}", ifNoneMatch: etag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);

        using var unknown = await api.GetAsync("api/v1/customers/999999");
        await unknown.ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_budget_with_the_current_etag_is_saved_and_a_stale_etag_answers_412_and_changes_nothing()
    {
        using var api = await app.NorthwindClientAsync();
        var id = await app.AssociatedCustomerAsync("Bernd Budget");
        using var read = await api.GetAsync($"api/v1/customers/{id}");
        var etag = read.Headers.ETag!.Tag;

        using var saved = await api.PutAsync($"api/v1/customers/{id}/budget",
            new { type = "monthly", amount = 500.25m, onExhaustion = "automatically", unfreezeNow = true }, ifMatch: etag);
        var customer = await saved.JsonOfAsync(HttpStatusCode.OK);
        Assert.Equal(("monthly", 500.25m, false), (customer.Str("budgetType"), customer.GetProperty("budgetAmount").GetDecimal(), customer.GetProperty("isFrozen").GetBoolean()));
        Assert.NotEqual(etag, saved.Headers.ETag?.Tag);

        using var stale = await api.PutAsync($"api/v1/customers/{id}/budget", new { type = "oneTime", amount = 10 }, ifMatch: etag);
        var problem = await stale.ProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        Assert.Equal(SetBudget.Stale.Message, problem.Str("title"));
        using var garbage = await api.PutAsync($"api/v1/customers/{id}/budget", new { type = "oneTime", amount = 10 }, ifMatch: "\"something-else\"");
        await garbage.ProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");

        var account = await app.WithDbAsync(db => db.CustomerAccounts.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal((BudgetType.Monthly, 500.25m), (account.BudgetType, account.BudgetAmount));
        Assert.Equal(1, await app.WithDbAsync(db => db.BudgetAdjustments.CountAsync(b => b.CustomerAccountId == id)));

        // Without If-Match the write is unconditional, as on the page.
        using var plain = await api.PutAsync($"api/v1/customers/{id}/budget", new { type = "oneTime", amount = 10 });
        Assert.Equal("oneTime", (await plain.JsonOfAsync(HttpStatusCode.OK)).Str("budgetType"));
    }

    [Fact]
    public async Task An_invalid_budget_answers_400_with_the_pages_messages_by_field()
    {
        using var api = await app.NorthwindClientAsync();
        var id = await app.AssociatedCustomerAsync("Ivan Invalid");
        using var response = await api.PutAsync($"api/v1/customers/{id}/budget", new { amount = 0 });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors").EnumerateArray().ToDictionary(e => e.Str("field"), e => e.Str("message"));
        Assert.Equal("Choose Monthly or One-time.", errors["type"]);
        Assert.Equal("The amount must be greater than 0.", errors["amount"]);
    }

    [Fact]
    public async Task Unfreeze_and_freeze_need_a_reason_and_refuse_a_change_that_changes_nothing()
    {
        using var api = await app.NorthwindClientAsync();
        var id = await app.AssociatedCustomerAsync("Frida Freeze");

        using (var noReason = await api.PostAsync($"api/v1/customers/{id}/unfreeze", new { reason = " " }))
        {
            var problem = await noReason.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.Equal("reason", problem.GetProperty("errors").EnumerateArray().Single().Str("field"));
        }

        using (var frozenAlready = await api.PostAsync($"api/v1/customers/{id}/freeze", new { reason = "again" }))
        {
            await frozenAlready.ProblemAsync(HttpStatusCode.UnprocessableEntity, "no_change");
        }

        using (var unfrozen = await api.PostAsync($"api/v1/customers/{id}/unfreeze", new { reason = "Budget agreed by phone" }))
        {
            Assert.False((await unfrozen.JsonOfAsync(HttpStatusCode.OK)).GetProperty("isFrozen").GetBoolean());
        }

        using (var frozen = await api.PostAsync($"api/v1/customers/{id}/freeze", new { reason = "Unpaid invoice" }))
        {
            Assert.True((await frozen.JsonOfAsync(HttpStatusCode.OK)).GetProperty("isFrozen").GetBoolean());
        }

        var records = await app.WithDbAsync(db => db.BudgetAdjustments.Where(b => b.CustomerAccountId == id).OrderBy(b => b.Id).Select(b => new { b.Kind, b.Reason, b.ActorUserId }).ToListAsync());
        Assert.Equal([(AdjustmentKind.Unfreeze, "Budget agreed by phone"), (AdjustmentKind.Freeze, "Unpaid invoice")], records.Select(r => (r.Kind, r.Reason)));

        // The key acts as the admin who created it.
        var admin = await app.UserIdAsync(DemoUsers.NorthwindAdmin);
        Assert.All(records, r => Assert.Equal(admin, r.ActorUserId));
    }
}
