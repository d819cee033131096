using PartnerCenter.Web.Tests.Preregistrations;
using AngleSharp.Html.Dom;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Usage;

namespace PartnerCenter.Web.Tests.Customers;

public static class CustomerKit
{
    /// <summary>
    /// Adds an associated customer of <paramref name="partner"/> straight into the database, with usage records:
    /// <paramref name="used"/> now (this period), <paramref name="lastMonth"/> an hour before the partner's month began.
    /// </summary>
    public static Task<int> AddCustomerAsync(this TestApp app, string partner, string name, string email, DateTime associatedAt,
        bool frozen = false, decimal? monthlyBudget = null, decimal used = 0, decimal lastMonth = 0) =>
        app.WithDbAsync(async db =>
        {
            var owner = await db.Partners.AsNoTracking().SingleAsync(p => p.Name == partner);
            var account = new CustomerAccount { Email = email, Name = name, CountryCode = "DE", RegisteredAt = associatedAt.AddDays(-1) };
            Assert.True(account.AssociateWith(owner.Id, associatedAt, frozen).IsSuccess);
            if (monthlyBudget is { } amount)
            {
                Assert.True(account.SetBudget(new BudgetSetting(BudgetType.Monthly, amount, FreezeOnExhaustion.Manually, false), associatedAt).IsSuccess);
            }

            db.CustomerAccounts.Add(account);
            await db.SaveChangesAsync();
            var now = app.Now;
            foreach (var (amountSpent, at) in new[] { (used, now), (lastMonth, BudgetPeriod.MonthStart(now, owner.TimeZone).AddHours(-1)) })
            {
                if (amountSpent > 0)
                {
                    db.UsageRecords.Add(new UsageRecord
                    {
                        ExternalId = $"kit-{Guid.NewGuid():N}", CustomerAccountId = account.Id, Amount = amountSpent, OccurredAt = at, RecordedAt = now,
                    });
                }
            }

            await db.SaveChangesAsync();
            return account.Id;
        });

    /// <summary>Submits the page's hidden reveal form for a column (what the eye button does).</summary>
    public static Task<HttpResponseMessage> ToggleAsync(this PartnerCenterClient client, HtmlPage page, MaskedColumn column, bool show)
    {
        var form = page.Document.QuerySelector($"form#reveal-{column}") as IHtmlFormElement
                   ?? throw new InvalidOperationException($"No reveal form for {column} on {page}");
        Assert.NotNull(page.Document.QuerySelector($"button[form='reveal-{column}'][aria-label='{(show ? "Show" : "Hide")} {(column == MaskedColumn.Name ? "names" : "emails")}']"));
        return client.SubmitAsync(page, form, ("show", show ? "true" : "false"));
    }

    public static Task<List<AuditEntry>> RevealsAsync(this TestApp app, MaskedList list) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "PersonalDataRevealed" && e.EntityType == list.ToString()).ToListAsync());

    /// <summary>Reveals one column on a page and checks: masked before, full after, one audit row naming the page and column.</summary>
    public static async Task AssertRevealAuditedAsync(this TestApp app, PartnerCenterClient client, string url, MaskedList list,
        MaskedColumn column, string full, string masked, string actorEmail)
    {
        var page = await client.GetPageAsync(url);
        page.AssertStatus(HttpStatusCode.OK);
        Assert.DoesNotContain(full, page.Html(), StringComparison.Ordinal);
        Assert.Contains(masked, page.MainText, StringComparison.Ordinal);
        var before = await app.RevealsAsync(list);

        using var shown = await client.ToggleAsync(page, column, show: true);
        await shown.AssertStatusAsync(HttpStatusCode.Redirect);
        var revealed = await client.FollowAsync(shown);
        Assert.Equal(url, revealed.Url.PathAndQuery);
        Assert.Contains(full, revealed.MainText, StringComparison.Ordinal);
        var entry = Assert.Single(await app.RevealsAsync(list), e => before.All(b => b.Id != e.Id));
        Assert.Equal((await app.UserIdAsync(actorEmail), column.ToString()), (entry.ActorUserId, entry.EntityId));

        // Hiding masks it again.
        using var hidden = await client.ToggleAsync(revealed, column, show: false);
        var again = await client.FollowAsync(hidden);
        Assert.DoesNotContain(full, again.Html(), StringComparison.Ordinal);
    }
}
