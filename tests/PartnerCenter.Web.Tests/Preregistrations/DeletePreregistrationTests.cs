using System.Text.Json;
using AngleSharp.Html.Dom;
using PartnerCenter.Core.Auditing;
using static PartnerCenter.Web.Tests.Preregistrations.PreregistrationKit;

namespace PartnerCenter.Web.Tests.Preregistrations;

/// <summary>Delete, per row and in a batch: which statuses can go, what each row reports, what a deletion frees.</summary>
public sealed class DeletePreregistrationTests(PreregistrationFactory app) : AppTest<PreregistrationFactory>(app)
{
    public enum Arranged
    {
        Preregistered,
        Expired,
        /// <summary>Lapsed 15 days ago but still stored as Preregistered: no sweep has marked it.</summary>
        LapsedNotSwept,
        Rejected,
        PendingReview,
        Associated,
        NotPreregistered,
    }

    [Theory]
    [InlineData(Arranged.Preregistered, "Preregistered")]
    [InlineData(Arranged.Expired, "Expired")]
    [InlineData(Arranged.LapsedNotSwept, "Expired")]
    [InlineData(Arranged.Rejected, "Rejected")]
    public async Task A_deletable_record_is_deleted_with_its_row_button_and_kept_for_history_and_audit(Arranged state, string shown)
    {
        var name = $"Delete {state}";
        var email = $"delete.{state.ToString().ToLowerInvariant()}@prospects.example";
        var record = await ArrangeAsync(state, name, email);
        using var sales = await NamesRevealedClientAsync();
        var list = await sales.GetPageAsync($"{ListUrl}?q={email}");
        var row = Assert.Single(list.Rows());
        Assert.Equal<(string, Guid?, bool)>((shown, record.Id, true), (row.Status, row.Id, row.HasDeleteButton));

        // The row's Delete button submits the hidden #delete-one form with its own id.
        var button = list.Document.QuerySelector($"button[form='delete-one'][value='{record.Id}']")!;
        Assert.Equal($"Delete {row.Name}", button.GetAttribute("aria-label"));
        Assert.NotNull(button.GetAttribute("data-confirm"));
        using var response = await sales.SubmitAsync(list, (IHtmlFormElement)list.Document.QuerySelector("form#delete-one")!, ("ids", record.Id.ToString()));

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        var after = await sales.FollowAsync(response);
        Assert.Equal($"{ListUrl}?q={email}", after.Url.PathAndQuery);
        Assert.Equal([$"{name} was deleted."], after.Alerts("success"));
        Assert.Empty(after.Alerts("danger"));
        Assert.Empty(after.Rows());
        Assert.DoesNotContain((await sales.GetPageAsync(ListUrl)).Rows(), r => r.Id == record.Id);

        var stored = await App.RecordAsync(record.Id);
        Assert.Equal(PreregistrationStatus.Deleted, stored.Status);
        Assert.Equal(App.Now, stored.DeletedAt);
        var entry = Assert.Single(await AuditAsync(record.Id));
        Assert.Equal(await App.UserIdAsync(DemoUsers.NorthwindSales), entry.ActorUserId);
        Assert.Equal(await App.PartnerIdAsync(Northwind), entry.PartnerId);
        Assert.Equal(App.Now, entry.At);
        Assert.Equal(shown == "Expired" ? "Expired" : state.ToString(), Status(entry.Before));
        Assert.Equal("Deleted", Status(entry.After));
    }

    [Theory]
    [InlineData(Arranged.PendingReview, "Pending review")]
    [InlineData(Arranged.Associated, "Associated")]
    [InlineData(Arranged.NotPreregistered, "Not preregistered")]
    public async Task A_record_that_cannot_be_deleted_offers_no_delete_and_a_crafted_delete_is_refused_with_the_reason(Arranged state, string shown)
    {
        var name = $"Keep {state}";
        var email = $"keep.{state.ToString().ToLowerInvariant()}@prospects.example";
        var record = await ArrangeAsync(state, name, email);
        using var sales = await NamesRevealedClientAsync();
        var list = await sales.GetPageAsync($"{ListUrl}?q={email}");
        var row = Assert.Single(list.Rows());
        Assert.Equal<(string, Guid?, bool)>((shown, null, false), (row.Status, row.Id, row.HasDeleteButton));

        using var response = await sales.PostFormAsync(DeleteUrl, ("ids", record.Id.ToString()), ("returnUrl", ListUrl));

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        var after = await sales.FollowAsync(response);
        Assert.Equal([$"Not deleted: {name} (A record in status {shown} cannot be deleted.)"], after.Alerts("danger"));
        Assert.Empty(after.Alerts("success"));
        var stored = await App.RecordAsync(record.Id);
        Assert.Equal<(PreregistrationStatus, int, DateTime?)>((record.Status, record.Version, null), (stored.Status, stored.Version, stored.DeletedAt));
        Assert.Empty(await AuditAsync(record.Id));
    }

    [Fact]
    public async Task A_batch_of_mixed_rows_reports_per_row_what_was_deleted_and_what_was_not_and_why()
    {
        var batch = new List<Preregistration>();
        foreach (var state in Enum.GetValues<Arranged>())
        {
            batch.Add(await ArrangeAsync(state, $"Batch {state}", $"batch.{state.ToString().ToLowerInvariant()}@prospects.example"));
        }

        using var sales = await NamesRevealedClientAsync();
        var open = await App.OpenCountAsync(Northwind);

        using var response = await sales.PostFormAsync(DeleteUrl,
            [.. batch.Select(r => ("ids", (string?)r.Id.ToString())), ("returnUrl", ListUrl)]);

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        var after = await sales.FollowAsync(response);
        Assert.Equal(["4 customers were deleted: Batch Preregistered, Batch Expired, Batch LapsedNotSwept, Batch Rejected."], after.Alerts("success"));
        Assert.Equal(["Not deleted: Batch PendingReview (A record in status Pending review cannot be deleted.); " +
                      "Batch Associated (A record in status Associated cannot be deleted.); " +
                      "Batch NotPreregistered (A record in status Not preregistered cannot be deleted.)"], after.Alerts("danger"));
        // Only the Preregistered one counted toward the cap.
        Assert.Equal(UsageLine(open - 1), after.Usage());
        var statuses = await App.WithDbAsync(db => db.Preregistrations.Where(p => p.CustomerName.StartsWith("Batch "))
            .ToDictionaryAsync(p => p.CustomerName, p => p.Status));
        Assert.Equal(PreregistrationStatus.Deleted, statuses["Batch Preregistered"]);
        Assert.Equal(PreregistrationStatus.Deleted, statuses["Batch Expired"]);
        Assert.Equal(PreregistrationStatus.Deleted, statuses["Batch LapsedNotSwept"]);
        Assert.Equal(PreregistrationStatus.Deleted, statuses["Batch Rejected"]);
        Assert.Equal(PreregistrationStatus.PendingReview, statuses["Batch PendingReview"]);
        Assert.Equal(PreregistrationStatus.Associated, statuses["Batch Associated"]);
        Assert.Equal(PreregistrationStatus.NotPreregistered, statuses["Batch NotPreregistered"]);
        foreach (var record in batch)
        {
            Assert.Equal(statuses[record.CustomerName] == PreregistrationStatus.Deleted ? 1 : 0, (await AuditAsync(record.Id)).Count);
        }
    }

    [Fact]
    public async Task The_delete_report_masks_names_as_the_list_does_until_names_are_revealed()
    {
        var deletable = await ArrangeAsync(Arranged.Preregistered, "Masked Deletion", "masked.deletion@prospects.example");
        var kept = await ArrangeAsync(Arranged.PendingReview, "Masked Refusal", "masked.refusal@prospects.example");
        var sales = await SignInAsync(DemoUsers.NorthwindSales);

        using var response = await sales.PostFormAsync(DeleteUrl, ("ids", deletable.Id.ToString()), ("ids", kept.Id.ToString()), ("returnUrl", ListUrl));

        // Names were never revealed in this session (nor audited): the report must not show them in full.
        var after = await sales.FollowAsync(response);
        Assert.Equal(["M*** D*** was deleted."], after.Alerts("success"));
        Assert.Equal(["Not deleted: M*** R*** (A record in status Pending review cannot be deleted.)"], after.Alerts("danger"));
        Assert.DoesNotContain("Masked Deletion", after.Html(), StringComparison.Ordinal);
        Assert.DoesNotContain("Masked Refusal", after.Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_frees_the_customer_for_another_partner()
    {
        const string email = "freed.by.delete@prospects.example";
        var record = await ArrangeAsync(Arranged.Preregistered, "Freed Customer", email);
        var northwind = await SignInAsync(DemoUsers.NorthwindSales);
        var contoso = await SignInAsync(DemoUsers.ContosoAdmin);
        var held = await contoso.PreregisterAsync("Freed Customer", email, SingaporeMobile(51));
        Assert.Equal([ClaimedByAnother], held.SummaryErrors);

        using var deleted = await northwind.PostFormAsync(DeleteUrl, ("ids", record.Id.ToString()), ("returnUrl", ListUrl));
        await deleted.AssertStatusAsync(HttpStatusCode.Redirect);
        await contoso.PreregisterOrFailAsync("Freed Customer", email, SingaporeMobile(51));

        var records = await App.RecordsAsync(email);
        Assert.Equal(2, records.Count);
        Assert.Equal(PreregistrationStatus.Deleted, records.Single(r => r.Id == record.Id).Status);
        var claim = records.Single(r => r.Id != record.Id);
        Assert.Equal((await App.PartnerIdAsync(Contoso), PreregistrationStatus.Preregistered), (claim.PartnerId, claim.Status));
    }

    [Fact]
    public async Task Another_partners_record_is_not_found_and_stays_as_it_was()
    {
        var record = await ArrangeAsync(Arranged.Preregistered, "Cross Partner", "cross.partner@prospects.example");
        var contoso = await SignInAsync(DemoUsers.ContosoAdmin);

        using var response = await contoso.PostFormAsync(DeleteUrl, ("ids", record.Id.ToString()), ("returnUrl", ListUrl));

        await response.AssertStatusAsync(HttpStatusCode.NotFound);
        var stored = await App.RecordAsync(record.Id);
        Assert.Equal<(PreregistrationStatus, int, DateTime?)>((PreregistrationStatus.Preregistered, record.Version, null), (stored.Status, stored.Version, stored.DeletedAt));
        Assert.Empty(await AuditAsync(record.Id));
    }

    [Fact]
    public async Task Deleting_with_nothing_selected_asks_for_a_selection()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);

        using var response = await sales.PostFormAsync(DeleteUrl, ("returnUrl", ListUrl));

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal(["Select at least one customer to delete."], (await sales.FollowAsync(response)).Alerts("danger"));
    }

    /// <summary>Northwind staff who revealed the Name column, so reports may name customers in full.</summary>
    private async Task<PartnerCenterClient> NamesRevealedClientAsync()
    {
        var client = await App.SignedInClientAsync(DemoUsers.NorthwindSales);
        using var revealed = await client.ToggleColumnAsync(await client.GetPageAsync(ListUrl), MaskedColumn.Name, show: true);
        await revealed.AssertStatusAsync(HttpStatusCode.Redirect);
        return client;
    }

    private async Task<Preregistration> ArrangeAsync(Arranged state, string name, string email)
    {
        var partnerId = await App.PartnerIdAsync(Northwind);
        var now = App.Now;
        var mobile = GermanMobile(60 + (int)state);
        Preregistration record;
        switch (state)
        {
            case Arranged.Preregistered:
                record = Preregister.NewRecord(partnerId, name, email, mobile, now.AddDays(-1));
                break;
            case Arranged.Expired:
                record = Preregister.NewRecord(partnerId, name, email, mobile, now.AddDays(-20));
                Assert.True(record.MarkExpiredIfLapsed(now));
                break;
            case Arranged.LapsedNotSwept:
                record = Preregister.NewRecord(partnerId, name, email, mobile, now.AddDays(-15));
                break;
            case Arranged.Rejected:
                record = Preregister.NewRecord(partnerId, name, email, mobile, now.AddDays(-3), ReviewTrigger.Country);
                Assert.True(record.Reject("Served by a local partner.", now.AddDays(-2)).IsSuccess);
                break;
            case Arranged.PendingReview:
                record = Preregister.NewRecord(partnerId, name, email, mobile, now.AddDays(-1), ReviewTrigger.OnlineSalesTeam);
                break;
            case Arranged.Associated:
                record = Preregister.NewRecord(partnerId, name, email, mobile, now.AddDays(-5));
                Assert.True(record.MarkAssociated(new Core.Partners.Partner { Id = partnerId, Name = "" }, now.AddDays(-1)).IsSuccess);
                break;
            default:
                record = Preregistration.Historical(partnerId, email, name, Preregister.Mobile(mobile), now.AddDays(-100));
                break;
        }

        await App.AddAsync(record);
        return record;
    }

    private Task<List<AuditEntry>> AuditAsync(Guid id) =>
        App.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "PreregistrationDeleted" && e.EntityId == id.ToString()).ToListAsync());

    private static string? Status(string? json)
    {
        using var document = JsonDocument.Parse(json!);
        return document.RootElement.GetProperty("Status").GetString();
    }
}
