using static PartnerCenter.Web.Tests.Preregistrations.PreregistrationKit;

namespace PartnerCenter.Web.Tests.Preregistrations;

/// <summary>
/// A claim is valid for 15 days, then Expired, whether or not a sweep has marked it. Each test moves
/// the clock, so each has an app of its own. Sessions last 8 hours: after a jump users sign in again.
/// </summary>
public sealed class PreregistrationExpiryTests
{
    private static readonly TimeSpan Validity = TimeSpan.FromDays(15);

    [Fact]
    public async Task A_claim_lapses_after_15_days_before_any_sweep_and_the_customer_is_then_free_for_another_partner()
    {
        const string email = "lapsing.customer@prospects.example";
        await using var app = new PreregistrationFactory();
        var start = app.Now;
        using (var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales))
        {
            await sales.PreregisterOrFailAsync("Lapsing Customer", email, GermanMobile(1));
            // Anna, Jonas, Pedro (Pending review) and the new one.
            Assert.Equal(UsageLine(4), (await sales.GetPageAsync(ListUrl)).Usage());
        }

        var claim = Assert.Single(await app.RecordsAsync(email));
        Assert.Equal(start + Validity, claim.ExpiresAt);

        // Day 14, 23:59: still valid and still exclusive. Anna (2 days old) and Jonas (12) have lapsed by now.
        app.Clock.Advance(Validity - TimeSpan.FromMinutes(1));
        using (var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales))
        {
            var list = await sales.GetPageAsync($"{ListUrl}?q={email}");
            var row = Assert.Single(list.Rows());
            Assert.Equal(("Preregistered", "Expires in 1 day Lapses soon"), (row.Status, row.ExpiresIn));
            Assert.Equal(UsageLine(2), list.Usage());
        }

        using (var contoso = await app.SignedInClientAsync(DemoUsers.ContosoAdmin))
        {
            Assert.Equal([ClaimedByAnother], (await contoso.PreregisterAsync("Lapsing Customer", email, SingaporeMobile(1))).SummaryErrors);
        }

        // Day 15: Expired in the list and out of the count, though no sweep has run: the row is still stored Preregistered.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var northwind = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var lapsed = await northwind.GetPageAsync($"{ListUrl}?q={email}");
        var expired = Assert.Single(lapsed.Rows());
        Assert.Equal(("Expired", "—", true), (expired.Status, expired.ExpiresIn, expired.HasDeleteButton));
        Assert.Equal(UsageLine(1), lapsed.Usage());
        Assert.Contains((await northwind.GetPageAsync($"{ListUrl}?status=Expired")).Rows(), r => r.Id == claim.Id);
        Assert.DoesNotContain((await northwind.GetPageAsync($"{ListUrl}?status=Preregistered")).Rows(), r => r.Id == claim.Id);
        Assert.Equal(PreregistrationStatus.Preregistered, (await app.RecordAsync(claim.Id)).Status);
        Assert.Equal(1, await app.OpenCountAsync(Northwind));

        // Another partner can now preregister the customer; Northwind no longer can.
        using var contosoAgain = await app.SignedInClientAsync(DemoUsers.ContosoAdmin);
        await contosoAgain.PreregisterOrFailAsync("Lapsing Customer", email, SingaporeMobile(1));
        Assert.Equal([ClaimedByAnother], (await northwind.PreregisterAsync("Lapsing Customer", email, GermanMobile(1))).SummaryErrors);

        var records = await app.RecordsAsync(email);
        Assert.Equal(2, records.Count);
        Assert.Equal(PreregistrationStatus.Expired, records.Single(r => r.Id == claim.Id).Status);
        var taken = records.Single(r => r.Id != claim.Id);
        Assert.Equal((await app.PartnerIdAsync(Contoso), PreregistrationStatus.Preregistered), (taken.PartnerId, taken.Status));
        Assert.Equal(app.Now + Validity, taken.ExpiresAt);

        // A sweep then marks what is still stored Preregistered though lapsed (Anna and Jonas); counts do not change.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ExpirePreregistrations>().ExecuteAsync(CancellationToken.None) >= 2);
        }

        var now = app.Now;
        Assert.False(await app.WithDbAsync(db => db.Preregistrations.AnyAsync(p => p.Status == PreregistrationStatus.Preregistered && p.ExpiresAt <= now)));
        var seeded = await app.WithDbAsync(db => db.Preregistrations
            .Where(p => p.CustomerEmail == "anna.schmidt@prospects.example" || p.CustomerEmail == "jonas.weber@prospects.example")
            .Select(p => p.Status).ToListAsync());
        Assert.Equal([PreregistrationStatus.Expired, PreregistrationStatus.Expired], seeded);
        Assert.Equal(UsageLine(1), (await northwind.GetPageAsync(ListUrl)).Usage());
    }

    [Fact]
    public async Task The_same_partner_can_preregister_a_customer_again_after_rejection_deletion_or_expiry()
    {
        await using var app = new PreregistrationFactory();
        using (var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales))
        {
            // Rejected: Ana Costa's review was refused (seeded).
            await sales.PreregisterOrFailAsync("Ana Costa", "ana.costa@prospects.example", GermanMobile(5));
            Assert.Equal([PreregistrationStatus.Rejected, PreregistrationStatus.Preregistered],
                (await app.RecordsAsync("ana.costa@prospects.example")).Select(r => r.Status));

            // Deleted.
            await sales.PreregisterOrFailAsync("Again Deleted", "again.deleted@prospects.example", GermanMobile(6));
            var first = Assert.Single(await app.RecordsAsync("again.deleted@prospects.example"));
            using (var deleted = await sales.PostFormAsync(DeleteUrl, ("ids", first.Id.ToString()), ("returnUrl", ListUrl)))
            {
                await deleted.AssertStatusAsync(HttpStatusCode.Redirect);
            }

            await sales.PreregisterOrFailAsync("Again Deleted", "again.deleted@prospects.example", GermanMobile(6));
            // Both were submitted at the same (fake) instant: compare regardless of order.
            Assert.Equal([PreregistrationStatus.Preregistered, PreregistrationStatus.Deleted],
                (await app.RecordsAsync("again.deleted@prospects.example")).Select(r => r.Status).Order());

            // Valid: a second claim by the same partner is refused until it lapses.
            await sales.PreregisterOrFailAsync("Again Expired", "again.expired@prospects.example", GermanMobile(7));
            Assert.Equal(["You have already preregistered this customer; see it in your list."],
                (await sales.PreregisterAsync("Again Expired", "again.expired@prospects.example", GermanMobile(7))).SummaryErrors);
        }

        app.Clock.Advance(Validity);
        using var later = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        await later.PreregisterOrFailAsync("Again Expired", "again.expired@prospects.example", GermanMobile(7));

        var records = await app.RecordsAsync("again.expired@prospects.example");
        Assert.Equal([PreregistrationStatus.Expired, PreregistrationStatus.Preregistered], records.Select(r => r.Status));
        Assert.Equal(app.Now + Validity, records[1].ExpiresAt);
        Assert.Equal("Expired", Assert.Single((await later.GetPageAsync($"{ListUrl}?q=again.expired@prospects.example&status=Expired")).Rows()).Status);
    }
}
