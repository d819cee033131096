using PartnerCenter.Core.Reviews;
using PartnerCenter.Web.Tests.Security;
using static PartnerCenter.Web.Tests.Reviews.ReviewKit;

namespace PartnerCenter.Web.Tests.Lifecycle;

/// <summary>Issue 17, Extension: the partner asks for 15 more days in a claim's last 5; the ecosystem manager approves or declines.</summary>
public sealed class ExtensionTests(FakeClockApp app) : AppTest<FakeClockApp>(app)
{
    private static Task<string> EmailOfAsync(TestApp app, Guid id) =>
        app.WithDbAsync(db => db.Preregistrations.Where(p => p.Id == id).Select(p => p.CustomerEmail).SingleAsync());

    [Fact]
    public async Task The_partner_requests_an_extension_with_a_reason_and_the_manager_approves_it_for_15_days_from_the_old_expiry()
    {
        var id = await App.AddNorthwindLapsingRecordAsync();
        var fresh = await App.AddNorthwindRecordAsync("Fresh Freddy");
        var email = await EmailOfAsync(App, id);
        var oldExpiry = (await RecordAsync(App, id)).ExpiresAt!.Value;
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var list = await sales.GetPageAsync($"/CustomerDevelopment?Q={Uri.EscapeDataString(email)}");
        var href = list.Document.QuerySelector("main a[aria-label^='Request extension for ']")?.GetAttribute("href");
        Assert.Equal($"/CustomerDevelopment/RequestExtension/{id}", href);
        // A claim with more than 5 days left offers no extension, and the rule refuses it.
        var freshList = await sales.GetPageAsync($"/CustomerDevelopment?Q={Uri.EscapeDataString(await EmailOfAsync(App, fresh))}");
        Assert.Null(freshList.Document.QuerySelector("main a[aria-label^='Request extension for ']"));
        using (var early = await sales.PostFormAsync("/CustomerDevelopment/RequestExtension", ("Id", fresh.ToString()), ("Reason", "Early")))
        {
            var page = (await HtmlPage.ReadAsync(early)).AssertStatus(HttpStatusCode.OK);
            Assert.Contains("An extension can be requested only for a Preregistered customer in its last 5 days; this one is Preregistered.", page.SummaryErrors);
        }

        var form = await sales.GetPageAsync(href!);
        Assert.Equal("Request extension", form.Heading);
        using (var empty = await sales.SubmitAsync(form, form.FormOfButton("Request extension"), ("Reason", "  ")))
        {
            Assert.Equal("Enter the reason for the extension.", (await HtmlPage.ReadAsync(empty)).AssertStatus(HttpStatusCode.OK).FieldError("Reason"));
        }

        var requestedAt = App.Now;
        using var response = await sales.SubmitAsync(form, form.FormOfButton("Request extension"), ("Reason", "The customer's board meets next month."));
        var after = await AfterAsync(sales, response, "/CustomerDevelopment");
        Assert.Contains("Extension requested for Lapsing Customer. An ecosystem manager decides within 2 working days; until then it does not expire.", after.Alerts("success"));
        var record = await RecordAsync(App, id);
        Assert.Equal(PreregistrationStatus.ExtensionRequested, record.Status);
        Assert.Equal(App.Services.GetRequiredService<WorkingDays>().AddWorkingDays(requestedAt, 2), record.ReviewDueAt);
        var status = await PartnerStatusAsync(sales, email);
        Assert.StartsWith("Extension requested", status, StringComparison.Ordinal);
        Assert.Matches(@"Decision due \d{4}-\d{2}-\d{2} \d{2}:\d{2}", status);
        Assert.True(await App.WithDbAsync(db => PreregistrationQueries.Open(db.Preregistrations, App.Now).AnyAsync(p => p.Id == id)));

        // At most one: a second request is refused.
        using (var again = await sales.PostFormAsync("/CustomerDevelopment/RequestExtension", ("Id", id.ToString()), ("Reason", "Again")))
        {
            var page = (await HtmlPage.ReadAsync(again)).AssertStatus(HttpStatusCode.OK);
            Assert.Contains("An extension has already been requested for this preregistration; only one is allowed.", page.SummaryErrors);
        }

        var em = await SignInAsync(DemoUsers.EcosystemManager);
        var queue = await QueueAsync(em);
        var row = queue.Document.QuerySelector("main button[aria-label='Approve extension for Lapsing Customer']")!.Closest("tr")!;
        Assert.Contains("Extension requested", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Reason: The customer's board meets next month.", Collapse(row.TextContent), StringComparison.Ordinal);
        using var approve = await em.SubmitAsync(queue, queue.FormOfButton("Approve extension for Lapsing Customer"));
        var approved = await AfterAsync(em, approve, "/Ecosystem/Reviews");
        Assert.Contains("Extension approved: Lapsing Customer is Preregistered 15 days longer.", approved.Alerts("success"));
        record = await RecordAsync(App, id);
        Assert.Equal(PreregistrationStatus.Preregistered, record.Status);
        Assert.Equal(oldExpiry.AddDays(15), record.ExpiresAt);
        Assert.Equal(2, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => (a.Action == "ExtensionRequested" || a.Action == "ExtensionApproved") && a.EntityId == id.ToString())));
        var listAfter = await sales.GetPageAsync($"/CustomerDevelopment?Q={Uri.EscapeDataString(email)}");
        Assert.Null(listAfter.Document.QuerySelector("main a[aria-label^='Request extension for ']"));
    }

    [Fact]
    public async Task A_pending_request_does_not_lapse_and_a_declined_one_keeps_the_old_expiry_with_the_reason_shown()
    {
        var id = await App.AddNorthwindLapsingRecordAsync();
        var email = await EmailOfAsync(App, id);
        var oldExpiry = (await RecordAsync(App, id)).ExpiresAt!.Value;
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        using (var asked = await sales.PostFormAsync("/CustomerDevelopment/RequestExtension", ("Id", id.ToString()), ("Reason", "Holidays")))
        {
            await AfterAsync(sales, asked, "/CustomerDevelopment");
        }

        App.Clock.Advance(oldExpiry - App.Now + TimeSpan.FromHours(1));
        await App.WithServiceAsync<ExpirePreregistrations, int>(s => s.ExecuteAsync(CancellationToken.None));
        Assert.Equal(PreregistrationStatus.ExtensionRequested, (await RecordAsync(App, id)).Status);

        var em = await SignInAsync(DemoUsers.EcosystemManager);
        var form = await em.GetPageAsync($"/Ecosystem/DeclineExtension/{id}");
        Assert.Equal("Decline the extension", form.Heading);
        using var declined = await em.SubmitAsync(form, form.FormOfButton("Decline"), ("Reason", "The claim has had its time."));
        var after = await AfterAsync(em, declined, "/Ecosystem/Reviews");
        Assert.Contains("Extension declined: the partner was told why.", after.Alerts("success"));
        var record = await RecordAsync(App, id);
        Assert.Equal(oldExpiry, record.ExpiresAt);
        Assert.Equal("The claim has had its time.", record.ExtensionDeclineReason);
        Assert.Equal(PreregistrationStatus.Expired, record.StatusAt(App.Now));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "ExtensionDeclined" && a.EntityId == id.ToString())));

        sales = await SignInAsync(DemoUsers.NorthwindSales);
        Assert.StartsWith("Expired", await PartnerStatusAsync(sales, email), StringComparison.Ordinal);
    }
}
