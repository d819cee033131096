using PartnerCenter.Core.Imports;
using PartnerCenter.Web.Tests.Preregistrations;
using static PartnerCenter.Web.Tests.Preregistrations.PreregistrationKit;
using static PartnerCenter.Web.Tests.Spreadsheets.SpreadsheetKit;

namespace PartnerCenter.Web.Tests.Spreadsheets;

/// <summary>The cap is decided per row at the moment it is applied; an interrupted import continues without applying a row twice.</summary>
public sealed class ImportCapAndResumeTests(PreregistrationFactory app) : IClassFixture<PreregistrationFactory>
{
    [Fact]
    public async Task Rows_beyond_the_free_slots_are_over_the_cap_and_a_slot_taken_between_dry_run_and_import_refuses_one_more()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var open = await app.OpenCountAsync(Northwind);
        await app.AddPreregisteredAsync(Northwind, "capfill", 98 - open);
        var file = Csv(
            Header,
            $"Slot One,slot.one@prospects.example,{GermanMobile(1)},No",
            $"Slot Two,slot.two@prospects.example,{GermanMobile(2)},No",
            $"Slot Three,slot.three@prospects.example,{GermanMobile(3)},No",
            $"Slot Four,slot.four@prospects.example,{GermanMobile(4)},No");

        var (dryRun, _) = await sales.DryRunAsync(file);
        var planned = dryRun.ImportRows();
        Assert.Equal(["Would be preregistered", "Would be preregistered", "Over the cap", "Over the cap"], planned.Select(r => r.Outcome));
        Assert.Equal("Only 2 of the 100 preregistrations were free, and the rows above take them.", planned[2].Message);

        // Another user takes a slot before the import: the file's second row meets the cap then.
        await sales.PreregisterOrFailAsync("Slot Taken", "slot.taken@prospects.example", GermanMobile(5));
        using var imported = await sales.SubmitAsync(dryRun, dryRun.FormOfButton("Import"));
        var result = (await sales.FollowAsync(imported)).ImportRows();

        Assert.Equal(["Preregistered", "Over the cap", "Over the cap", "Over the cap"], result.Select(r => r.Outcome));
        Assert.Equal(CapMessage, result[1].Message);
        Assert.Single(await app.RecordsAsync("slot.one@prospects.example"));
        Assert.Empty(await app.RecordsAsync("slot.two@prospects.example"));
        Assert.Equal(100, await app.OpenCountAsync(Northwind));
    }

    [Fact]
    public async Task An_import_that_stopped_part_way_shows_how_far_it_got_and_continues_without_applying_a_row_twice()
    {
        using var admin = await app.SignedInClientAsync(DemoUsers.ContosoAdmin);
        var file = Csv(
            Header,
            $"Resume One,resume.one@prospects.example,{SingaporeMobile(11)},Yes",
            $"Resume Two,resume.two@prospects.example,{SingaporeMobile(12)},No",
            $"Resume Three,resume.three@prospects.example,{SingaporeMobile(13)},No",
            $"Resume Four,resume.four@prospects.example,{SingaporeMobile(14)},Yes");
        var (_, batchId) = await admin.DryRunAsync(file);
        var adminId = await app.UserIdAsync(DemoUsers.ContosoAdmin);
        var partnerId = await app.PartnerIdAsync(Contoso);
        var outbox = await app.OutboxCountAsync();

        // The process stops after two rows: what a crash leaves (the batch Importing, its lease still held).
        var progress = await app.WithServiceAsync<ApplyImport, Result<ImportProgress>>(apply =>
            apply.ExecuteAsync(adminId, partnerId, batchId, submitReviews: false, CancellationToken.None, rowLimit: 2));
        Assert.Equal(new ImportProgress(2, 4, false), progress.Value);

        // While the lease holds, the page says it is running and Continue is refused.
        var running = await admin.GetPageAsync($"/CustomerDevelopment/ImportResult/{batchId}");
        Assert.Contains("The import is running: 2 of 4 rows done.", running.MainText, StringComparison.Ordinal);
        using (var refused = await admin.PostFormAsync($"/CustomerDevelopment/ImportContinue/{batchId}"))
        {
            Assert.Equal([ImportErrors.Running.Message], (await admin.FollowAsync(refused)).Alerts("danger"));
        }

        // After the lease, the page shows how far it got and offers Continue.
        app.Clock.Advance(ImportBatch.Lease);
        var stopped = await admin.GetPageAsync($"/CustomerDevelopment/ImportResult/{batchId}");
        Assert.Contains("The import stopped after 2 of 4 rows.", stopped.MainText, StringComparison.Ordinal);
        Assert.Equal(["Preregistered", "Preregistered", "Not applied yet", "Not applied yet"], stopped.ImportRows().Select(r => r.Outcome));

        using var continued = await admin.SubmitAsync(stopped, stopped.FormOfButton("Continue import"));
        var done = await admin.FollowAsync(continued);

        Assert.Equal(["The import is complete: all 4 rows have their outcome below."], done.Alerts("success"));
        Assert.Equal(["Preregistered", "Preregistered", "Preregistered", "Preregistered"], done.ImportRows().Select(r => r.Outcome));
        foreach (var email in new[] { "resume.one@prospects.example", "resume.two@prospects.example", "resume.three@prospects.example", "resume.four@prospects.example" })
        {
            Assert.Single(await app.RecordsAsync(email));
        }

        Assert.Equal(outbox + 2, await app.OutboxCountAsync());
        var batch = await app.BatchAsync(batchId);
        Assert.Equal(ImportStatus.Completed, batch.Status);
        Assert.All(batch.Rows, r => Assert.NotNull(r.PreregistrationId));
    }

    [Fact]
    public async Task A_row_is_recorded_in_its_submissions_transaction_so_a_second_runner_never_applies_it_again()
    {
        using var admin = await app.SignedInClientAsync(DemoUsers.ContosoAdmin);
        var (_, batchId) = await admin.DryRunAsync(Csv(Header, $"Twice Row,twice.row@prospects.example,{SingaporeMobile(21)},Yes"));
        var adminId = await app.UserIdAsync(DemoUsers.ContosoAdmin);
        var partnerId = await app.PartnerIdAsync(Contoso);
        var outbox = await app.OutboxCountAsync();
        await app.WithServiceAsync<ApplyImport, Result<ImportProgress>>(apply =>
            apply.ExecuteAsync(adminId, partnerId, batchId, submitReviews: false, CancellationToken.None));

        // A submission of the same row with the row's journal, as a second runner would make it: refused, nothing saved.
        var row = (await app.BatchAsync(batchId)).Rows.Single();
        var again = await app.WithServiceAsync<IServiceProvider, Result<SubmissionOutcome>>(async services =>
        {
            var db = services.GetRequiredService<IAppDb>();
            return await services.GetRequiredService<SubmitPreregistration>().ExecuteAsync(adminId, partnerId,
                new PreregistrationRequest("Twice Row", "twice.row.other@prospects.example", SingaporeMobile(22), true, false), CancellationToken.None,
                async (_, ct) => !(await db.ImportRows.SingleAsync(r => r.BatchId == batchId && r.Number == row.Number, ct)).IsApplied);
        });

        Assert.Equal(SubmitPreregistration.AlreadyTaken, again.Error);
        Assert.Empty(await app.RecordsAsync("twice.row.other@prospects.example"));
        Assert.Equal(outbox + 1, await app.OutboxCountAsync());
    }
}
