using static PartnerCenter.Web.Tests.Preregistrations.PreregistrationKit;

namespace PartnerCenter.Web.Tests.Preregistrations;

/// <summary>At most 100 records per partner in the open statuses (Pending review, Preregistered, Action required, Extension requested).</summary>
public sealed class PreregistrationCapTests(PreregistrationFactory app) : IClassFixture<PreregistrationFactory>
{
    [Fact]
    public async Task At_99_open_one_more_succeeds_and_then_every_new_preregistration_and_review_request_is_refused()
    {
        await TopUpNorthwindToAsync(99);
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        Assert.Equal(UsageLine(99), (await sales.GetPageAsync(ListUrl)).Usage());

        var form = await sales.GetPageAsync(FormUrl);
        Assert.DoesNotContain("You have reached the limit", form.MainText, StringComparison.Ordinal);
        Assert.Null(form.Document.QuerySelector("main form fieldset[disabled]"));
        var hundredth = await sales.PreregisterAsync("Cap Hundred", "cap.hundred@prospects.example", GermanMobile(1));

        Assert.Equal([$"Cap Hundred is preregistered, valid until {Shown.ToNorthwind(app.Now.AddDays(15))}."], hundredth.Alerts("success"));
        Assert.Equal(UsageLine(100), hundredth.Usage());

        // At the cap the form says so and is disabled...
        var full = await sales.GetPageAsync(FormUrl);
        Assert.Contains(CapMessage, full.MainText, StringComparison.Ordinal);
        Assert.NotNull(full.Document.QuerySelector("main form fieldset[disabled]"));

        // ...and whatever is posted, an eligible customer or one needing review (confirmed or not), is refused.
        var rows = await app.PreregistrationCountAsync();
        foreach (var fields in new[]
                 {
                     FormFields("Cap Hundred One", "cap.hundred.one@prospects.example", GermanMobile(2)),
                     FormFields("Abroad Ventures", "abroad@customers.example", GermanMobile(3)),
                     FormFields("Abroad Ventures", "abroad@customers.example", GermanMobile(3), confirmReview: true),
                 })
        {
            using var response = await sales.PostFormAsync(FormUrl, fields);
            var refused = await sales.FollowAsync(response);
            refused.AssertStatus(HttpStatusCode.OK);
            Assert.Equal([CapMessage], refused.SummaryErrors);
        }

        Assert.Equal(rows, await app.PreregistrationCountAsync());
        Assert.Equal(100, await app.OpenCountAsync(Northwind));

        // Deleting one frees a slot.
        var freed = (await app.RecordsAsync("cap.hundred@prospects.example")).Single();
        using (var deleted = await sales.PostFormAsync(DeleteUrl, ("ids", freed.Id.ToString()), ("returnUrl", ListUrl)))
        {
            await deleted.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        await sales.PreregisterOrFailAsync("Cap Hundred One", "cap.hundred.one@prospects.example", GermanMobile(2));
        Assert.Equal(100, await app.OpenCountAsync(Northwind));
    }

    [Fact]
    public async Task Expired_deleted_rejected_and_closed_records_do_not_count_toward_the_cap()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var open = await app.OpenCountAsync(Northwind);
        var partnerId = await app.PartnerIdAsync(Northwind);
        var now = app.Now;
        var closed = new List<Preregistration>();
        for (var i = 0; i < 5; i++)
        {
            var expired = Preregister.NewRecord(partnerId, $"Closed Expired {i}", $"closed.expired{i}@prospects.example", GermanMobile(i), now.AddDays(-16));
            Assert.True(expired.MarkExpiredIfLapsed(now));
            var lapsed = Preregister.NewRecord(partnerId, $"Closed Lapsed {i}", $"closed.lapsed{i}@prospects.example", GermanMobile(i), now.AddDays(-15));
            var deleted = Preregister.NewRecord(partnerId, $"Closed Deleted {i}", $"closed.deleted{i}@prospects.example", GermanMobile(i), now.AddDays(-2));
            Assert.True(deleted.Delete(now.AddDays(-1)).IsSuccess);
            var rejected = Preregister.NewRecord(partnerId, $"Closed Rejected {i}", $"closed.rejected{i}@prospects.example", GermanMobile(i), now.AddDays(-2), ReviewTrigger.Country);
            Assert.True(rejected.Reject("Not for you.", now.AddDays(-1)).IsSuccess);
            var associated = Preregister.NewRecord(partnerId, $"Closed Associated {i}", $"closed.associated{i}@prospects.example", GermanMobile(i), now.AddDays(-2));
            Assert.True(associated.MarkAssociated(new Core.Partners.Partner { Id = partnerId, Name = "" }, now.AddDays(-1)).IsSuccess);
            closed.AddRange([expired, lapsed, deleted, rejected, associated]);
        }

        Assert.DoesNotContain(closed, r => r.IsOpenAt(now));
        await app.AddAsync([.. closed]);

        Assert.Equal(UsageLine(open), (await sales.GetPageAsync(ListUrl)).Usage());
        Assert.Equal(open, await app.OpenCountAsync(Northwind));
    }

    private async Task TopUpNorthwindToAsync(int open)
    {
        var partnerId = await app.PartnerIdAsync(Northwind);
        var now = app.Now;
        var missing = open - await app.OpenCountAsync(Northwind);
        Assert.True(missing >= 0);
        await app.AddAsync([.. Enumerable.Range(1, missing)
            .Select(i => Preregister.NewRecord(partnerId, $"Cap Filler {i:000}", $"cap.filler{i:000}@prospects.example", GermanMobile(i), now.AddMinutes(-i)))]);
    }
}
