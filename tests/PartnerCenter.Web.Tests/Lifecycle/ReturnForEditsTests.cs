using PartnerCenter.Core.Reviews;
using static PartnerCenter.Web.Tests.Reviews.ReviewKit;

namespace PartnerCenter.Web.Tests.Lifecycle;

/// <summary>Issue 17, Return for edits: the ecosystem manager returns a request; the partner corrects the marked fields and resubmits.</summary>
public sealed class ReturnForEditsTests(FakeClockApp app) : AppTest<FakeClockApp>(app)
{
    private const string Comment = "The mobile number is a landline; give the customer's mobile.";

    [Fact]
    public async Task Returned_request_is_Action_required_with_the_comment_the_partner_corrects_the_mobile_and_resubmits_with_a_fresh_target()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var email = NewEmail("rhea");
        var id = await SubmitForReviewAsync(App, sales, "Rhea Returned", email);
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        var queue = await QueueAsync(em);
        var href = queue.QueueRow("Rhea Returned").QuerySelector("a[aria-label='Return to partner: Rhea Returned']")!.GetAttribute("href");
        Assert.Equal($"/Ecosystem/Return/{id}", href);
        var form = await em.GetPageAsync(href!);
        form.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Return to partner", form.Heading);

        // Neither a comment nor a field: both messages, by their fields; nothing changes.
        using (var refused = await em.SubmitAsync(form, form.FormOfButton("Return to partner"), ("Comment", " ")))
        {
            var page = (await HtmlPage.ReadAsync(refused)).AssertStatus(HttpStatusCode.OK);
            Assert.Equal("Enter the comment the partner will read.", page.FieldError("Comment"));
            Assert.Equal("Choose the fields the partner must correct.", page.FieldError("Fields"));
        }

        Assert.Equal(PreregistrationStatus.PendingReview, (await RecordAsync(App, id)).Status);
        App.Clock.Advance(TimeSpan.FromHours(1));
        var returnedAt = App.Now;
        using var response = await em.SubmitAsync(form, form.FormOfButton("Return to partner"), ("Comment", Comment), ("CorrectMobile", "true"));

        var after = await AfterAsync(em, response, "/Ecosystem/Reviews");
        Assert.Contains("Returned to partner: Rhea Returned is Action required until the partner resubmits it.", after.Alerts("success"));
        Assert.DoesNotContain("Rhea Returned", after.QueuedCustomers());
        var record = await RecordAsync(App, id);
        Assert.Equal(PreregistrationStatus.ActionRequired, record.Status);
        Assert.Equal((Comment, ReturnFields.Mobile, 1), (record.ReturnComment, record.ReturnFields, record.ReturnCount));
        var workingDays = App.Services.GetRequiredService<WorkingDays>();
        Assert.Equal(workingDays.AddWorkingDays(returnedAt, 5), record.ExpiresAt);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "ReviewReturned" && a.EntityId == id.ToString())));

        // The partner reads the comment in the row; the claim keeps its place toward the cap.
        var status = await PartnerStatusAsync(sales, email);
        Assert.Contains("Action required", status, StringComparison.Ordinal);
        Assert.Contains($"Comment: {Comment}", status, StringComparison.Ordinal);
        Assert.Contains("Correct: Mobile number", status, StringComparison.Ordinal);
        Assert.True(await App.WithDbAsync(db => PreregistrationQueries.Open(db.Preregistrations, App.Now).AnyAsync(p => p.Id == id)));

        // Only the marked field is editable.
        var edit = await sales.GetPageAsync($"/CustomerDevelopment/Resubmit/{id}");
        edit.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Correct and resubmit", edit.Heading);
        Assert.NotNull(edit.Document.QuerySelector("input#Name[readonly]"));
        Assert.Null(edit.Document.QuerySelector("input#Mobile[readonly]"));
        Assert.Null(edit.Document.QuerySelector("input[name='Email']"));
        Assert.Contains(Comment, edit.MainText, StringComparison.Ordinal);

        // A bad mobile: its message by the field, the input kept.
        using (var bad = await sales.SubmitAsync(edit, edit.FormOfButton("Resubmit"), ("Mobile", "12ab")))
        {
            var page = (await HtmlPage.ReadAsync(bad)).AssertStatus(HttpStatusCode.OK);
            Assert.Equal("Enter a valid mobile number in international format with the country code, such as +49 1512 3456789.", page.FieldError("Mobile"));
            Assert.Equal("12ab", page.InputValue("Mobile"));
        }

        // A changed name that was not marked is refused by the rule, whatever the form says.
        using (var sneaky = await sales.SubmitAsync(edit, edit.FormOfButton("Resubmit"), ("Name", "Someone Else"), ("Mobile", GermanMobile)))
        {
            var page = (await HtmlPage.ReadAsync(sneaky)).AssertStatus(HttpStatusCode.OK);
            Assert.Contains("Only the fields the ecosystem manager marked can be changed.", page.SummaryErrors);
        }

        App.Clock.Advance(TimeSpan.FromHours(3));
        var resubmittedAt = App.Now;
        using var resubmitted = await sales.SubmitAsync(edit, edit.FormOfButton("Resubmit"), ("Mobile", GermanMobile));
        var list = await AfterAsync(sales, resubmitted, "/CustomerDevelopment");
        Assert.Contains("Rhea Returned was resubmitted for manual review. An ecosystem manager decides within 2 working days.", list.Alerts("success"));
        record = await RecordAsync(App, id);
        Assert.Equal(PreregistrationStatus.PendingReview, record.Status);
        Assert.Equal(Preregister.Mobile(GermanMobile).E164, record.MobileE164);
        Assert.Equal("Rhea Returned", record.CustomerName);
        Assert.Equal(workingDays.AddWorkingDays(resubmittedAt, 2), record.ReviewDueAt);
        Assert.Null(record.ExpiresAt);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "PreregistrationResubmitted" && a.EntityId == id.ToString())));

        var again = await QueueAsync(await SignInAsync(DemoUsers.EcosystemManager));
        var row = again.QueueRow("Rhea Returned");
        Assert.Contains("Resubmitted", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(Utc(record.ReviewDueAt!.Value), Collapse(row.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_two_returns_the_button_is_gone_and_a_third_return_is_refused()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var email = NewEmail("tess");
        var id = await SubmitForReviewAsync(App, sales, "Tess Twice", email);
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        var name = "Tess Twice";
        for (var i = 1; i <= 2; i++)
        {
            Assert.NotNull((await QueueAsync(em)).QueueRow(name).QuerySelector($"a[aria-label='Return to partner: {name}']"));
            using (var returned = await em.PostFormAsync("/Ecosystem/Return", ("Id", id.ToString()), ("Comment", $"Round {i}"), ("CorrectName", "true")))
            {
                await AfterAsync(em, returned, "/Ecosystem/Reviews");
            }

            using var resubmitted = await sales.PostFormAsync("/CustomerDevelopment/Resubmit", ("Id", id.ToString()), ("Name", $"Tess Twice {i}"));
            await AfterAsync(sales, resubmitted, "/CustomerDevelopment");
            name = $"Tess Twice {i}";
        }

        var queue = await QueueAsync(em);
        var row = queue.QueueRow("Tess Twice 2");
        Assert.Null(row.QuerySelector("a[aria-label='Return to partner: Tess Twice 2']"));
        Assert.Contains("returned 2 of 2 times", Collapse(row.TextContent), StringComparison.Ordinal);

        using var third = await em.PostFormAsync("/Ecosystem/Return", ("Id", id.ToString()), ("Comment", "Round 3"), ("CorrectName", "true"));
        var page = (await HtmlPage.ReadAsync(third)).AssertStatus(HttpStatusCode.OK);
        Assert.Contains("This request has been returned 2 times already; approve or reject it.", page.SummaryErrors);
        var record = await RecordAsync(App, id);
        Assert.Equal((PreregistrationStatus.PendingReview, 2), (record.Status, record.ReturnCount));
    }

    [Fact]
    public async Task Action_required_holds_the_claim_and_lapses_to_Expired_after_5_working_days_through_the_sweep()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var email = NewEmail("lara");
        var id = await SubmitForReviewAsync(App, sales, "Lara Lapsing", email);
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        using (var returned = await em.PostFormAsync("/Ecosystem/Return", ("Id", id.ToString()), ("Comment", "Check the name"), ("CorrectName", "true")))
        {
            await AfterAsync(em, returned, "/Ecosystem/Reviews");
        }

        // Another partner cannot claim the customer meanwhile.
        var contoso = await SignInAsync(DemoUsers.ContosoAdmin);
        using (var claim = await contoso.PostFormAsync("/CustomerDevelopment/Preregister", ("FullName", "Lara"), ("Email", email), ("Mobile", GermanMobile), ("SendInvitation", "false")))
        {
            var page = (await HtmlPage.ReadAsync(claim)).AssertStatus(HttpStatusCode.OK);
            Assert.Contains("This customer has been preregistered by another partner.", page.SummaryErrors);
        }

        var deadline = (await RecordAsync(App, id)).ExpiresAt!.Value;
        // 5 working days: a week later at the same time (the weekend does not count).
        Assert.Equal(7, (deadline - App.Now).TotalDays, 3);
        App.Clock.Advance(deadline - App.Now - TimeSpan.FromMinutes(1));
        await App.WithServiceAsync<ExpirePreregistrations, int>(s => s.ExecuteAsync(CancellationToken.None));
        Assert.Equal(PreregistrationStatus.ActionRequired, (await RecordAsync(App, id)).Status);

        App.Clock.Advance(TimeSpan.FromMinutes(1));
        // A week on the fake clock outlasts the sign-in.
        sales = await SignInAsync(DemoUsers.NorthwindSales);
        Assert.StartsWith("Expired", await PartnerStatusAsync(sales, email), StringComparison.Ordinal);
        await App.WithServiceAsync<ExpirePreregistrations, int>(s => s.ExecuteAsync(CancellationToken.None));
        Assert.Equal(PreregistrationStatus.Expired, (await RecordAsync(App, id)).Status);
        var audit = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "PreregistrationExpired" && a.EntityId == id.ToString()));
        Assert.Contains("ActionRequired", audit.Before, StringComparison.Ordinal);

        using var late = await sales.PostFormAsync("/CustomerDevelopment/Resubmit", ("Id", id.ToString()), ("Name", "Lara Late"));
        var list = await AfterAsync(sales, late, "/CustomerDevelopment");
        Assert.Contains("Only records in Action required can be corrected and resubmitted; this one is Expired.", list.Alerts("danger"));
    }
}
