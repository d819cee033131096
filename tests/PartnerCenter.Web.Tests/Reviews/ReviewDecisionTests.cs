using static PartnerCenter.Web.Tests.Reviews.ReviewKit;

namespace PartnerCenter.Web.Tests.Reviews;

/// <summary>The ecosystem manager approves or rejects a Pending review record; the partner is told both ways.</summary>
public sealed class ReviewDecisionTests(FakeClockApp app) : AppTest<FakeClockApp>(app)
{
    [Fact]
    public async Task Approving_makes_the_record_Preregistered_for_15_days_from_the_approval_and_emails_the_partner()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var email = NewEmail("alma");
        var id = await SubmitForReviewAsync(App, sales, "Alma Approved", email);
        var submittedAt = (await RecordAsync(App, id)).CreatedAt;
        App.Clock.Advance(TimeSpan.FromHours(2));
        var approvedAt = App.Clock.GetUtcNow().UtcDateTime;
        var em = await SignInAsync(DemoUsers.EcosystemManager);

        var queue = await QueueAsync(em);
        var row = queue.QueueRow("Alma Approved");
        Assert.Contains(Northwind, row.TextContent, StringComparison.Ordinal);
        Assert.Contains(email, row.TextContent, StringComparison.Ordinal);
        // The ecosystem manager reads about the partner's countries, never "your".
        Assert.Contains("Customer's country is outside the partner's business countries", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("your business countries", queue.MainText, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Utc(submittedAt), Collapse(row.TextContent), StringComparison.Ordinal);
        using var response = await em.SubmitAsync(queue, queue.FormOfButton("Approve Alma Approved"));

        var after = await AfterAsync(em, response, "/Ecosystem/Reviews");
        Assert.Contains("Approved: Alma Approved is Preregistered for 15 days and the partner was told.", after.Alerts("success"));
        Assert.DoesNotContain("Alma Approved", after.QueuedCustomers());
        var record = await RecordAsync(App, id);
        Assert.Equal(PreregistrationStatus.Preregistered, record.Status);
        Assert.Equal(approvedAt, record.PreregisteredAt);
        Assert.Equal(approvedAt.AddDays(15), record.ExpiresAt);
        Assert.Equal(approvedAt, record.DecidedAt);
        Assert.Equal(await App.UserIdAsync(DemoUsers.EcosystemManager), record.DecidedByUserId);
        Assert.Null(record.RejectionReason);
        Assert.Equal(1, await DecisionAuditsAsync(App, id));

        var mail = Assert.Single(await DecisionMailsAsync(App, "Alma Approved"));
        Assert.Equal("Preregistration of Alma Approved approved", mail.Subject);
        Assert.Contains($"valid until {Shown.ToNorthwind(approvedAt.AddDays(15))}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("you can now invite the customer", mail.TextBody, StringComparison.Ordinal);
        // "Send invitation link: No": nothing goes to the customer.
        Assert.Empty(await MailToAsync(App, email));
        Assert.False(await App.WithDbAsync(db => db.Invitations.AnyAsync(i => i.PreregistrationId == id)));

        var status = await PartnerStatusAsync(sales, email);
        Assert.StartsWith("Preregistered", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Decision due", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_a_request_that_chose_send_invitation_yes_queues_the_invitation_to_the_customer()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var email = NewEmail("ivo");
        var id = await SubmitForReviewAsync(App, sales, "Ivo Invited", email, sendInvitation: true);
        // Pending review cannot be invited: nothing is sent at submission.
        Assert.Empty(await MailToAsync(App, email));
        var em = await SignInAsync(DemoUsers.EcosystemManager);

        var queue = await QueueAsync(em);
        using var response = await em.SubmitAsync(queue, queue.FormOfButton("Approve Ivo Invited"));

        await AfterAsync(em, response, "/Ecosystem/Reviews");
        var record = await RecordAsync(App, id);
        Assert.Equal(PreregistrationStatus.Preregistered, record.Status);
        var invitation = await App.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.PreregistrationId == id));
        Assert.Equal(InvitationChannel.Email, invitation.Channel);
        var invite = Assert.Single(await MailToAsync(App, email));
        Assert.Equal("Northwind Cloud invites you to become their customer", invite.Subject);
        Assert.Equal(invitation.Id, invite.InvitationId);
        Assert.Contains("/invite/", invite.TextBody, StringComparison.Ordinal);
        var decision = Assert.Single(await DecisionMailsAsync(App, "Ivo Invited"));
        Assert.Equal("Preregistration of Ivo Invited approved", decision.Subject);
        Assert.Contains("The invitation email you chose to send is on its way to the customer.", decision.TextBody, StringComparison.Ordinal);
        Assert.Matches("Invitation email (queued|sent)", await PartnerStatusAsync(sales, email));
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_which_the_partner_reads_in_the_list_and_in_the_email()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var email = NewEmail("rita");
        var id = await SubmitForReviewAsync(App, sales, "Rita Rejected", email, sendInvitation: true);
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        var queue = await QueueAsync(em);
        var href = queue.QueueRow("Rita Rejected").QuerySelector("a[aria-label='Reject Rita Rejected']")!.GetAttribute("href");
        Assert.Equal($"/Ecosystem/Reject/{id}", href);
        var form = await em.GetPageAsync(href!);
        form.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Reject the preregistration", form.Heading);

        foreach (var missing in new[] { "", "   \n  " })
        {
            using var refused = await em.SubmitAsync(form, form.FormOfButton("Reject"), ("Reason", missing));
            await refused.AssertStatusAsync(HttpStatusCode.OK);
            Assert.Equal("Enter the reason the partner will read.", (await HtmlPage.ReadAsync(refused)).FieldError("Reason"));
        }

        using (var tooLong = await em.SubmitAsync(form, form.FormOfButton("Reject"), ("Reason", new string('x', 501))))
        {
            await tooLong.AssertStatusAsync(HttpStatusCode.OK);
            Assert.Equal("The reason can have at most 500 characters.", (await HtmlPage.ReadAsync(tooLong)).FieldError("Reason"));
        }

        Assert.Equal(PreregistrationStatus.PendingReview, (await RecordAsync(App, id)).Status);
        Assert.Empty(await DecisionMailsAsync(App, "Rita Rejected"));

        const string reason = "Brazil is served by Fabrikam's team & the customer's contract is local.";
        using var response = await em.SubmitAsync(form, form.FormOfButton("Reject"), ("Reason", $"  {reason}  "));

        var after = await AfterAsync(em, response, "/Ecosystem/Reviews");
        Assert.Contains("Rejected: the partner was told why.", after.Alerts("success"));
        Assert.DoesNotContain("Rita Rejected", after.QueuedCustomers());
        var record = await RecordAsync(App, id);
        Assert.Equal(PreregistrationStatus.Rejected, record.Status);
        Assert.Equal(reason, record.RejectionReason);
        Assert.Null(record.ExpiresAt);
        Assert.Equal(1, await DecisionAuditsAsync(App, id));
        var mail = Assert.Single(await DecisionMailsAsync(App, "Rita Rejected"));
        Assert.Equal("Preregistration of Rita Rejected rejected", mail.Subject);
        Assert.Contains($"Reason: {reason}", mail.TextBody, StringComparison.Ordinal);
        // A rejected request never invites, whatever the partner chose.
        Assert.Empty(await MailToAsync(App, email));
        Assert.False(await App.WithDbAsync(db => db.Invitations.AnyAsync(i => i.PreregistrationId == id)));

        var status = await PartnerStatusAsync(sales, email);
        Assert.StartsWith("Rejected", status, StringComparison.Ordinal);
        Assert.Contains($"Reason: {reason}", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_is_final_a_stale_approve_after_a_reject_is_told_and_changes_nothing()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var email = NewEmail("fina");
        var id = await SubmitForReviewAsync(App, sales, "Fina Final", email, sendInvitation: true);
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        var stale = await QueueAsync(em);
        using (var rejected = await em.PostFormAsync($"/Ecosystem/Reject/{id}", ("Id", id.ToString()), ("Reason", "Outside the partner's region.")))
        {
            await AfterAsync(em, rejected, "/Ecosystem/Reviews");
        }

        using var approve = await em.SubmitAsync(stale, stale.FormOfButton("Approve Fina Final"));

        var after = await AfterAsync(em, approve, "/Ecosystem/Reviews");
        Assert.Contains("This request has already been decided (now Rejected).", after.Alerts("danger"));
        Assert.Empty(after.Alerts("success"));
        var record = await RecordAsync(App, id);
        Assert.Equal(PreregistrationStatus.Rejected, record.Status);
        Assert.Equal("Outside the partner's region.", record.RejectionReason);
        Assert.Equal(1, await DecisionAuditsAsync(App, id));
        Assert.Single(await DecisionMailsAsync(App, "Fina Final"));
        Assert.Empty(await MailToAsync(App, email));

        using var rejectAgain = await em.PostFormAsync($"/Ecosystem/Reject/{id}", ("Id", id.ToString()), ("Reason", "Again"));
        var again = await AfterAsync(em, rejectAgain, "/Ecosystem/Reviews");
        Assert.Contains("This request has already been decided (now Rejected).", again.Alerts("danger"));
        Assert.Equal("Outside the partner's region.", (await RecordAsync(App, id)).RejectionReason);
    }

    [Fact]
    public async Task An_unknown_record_is_404()
    {
        await AssertUnknownIdIs404Async(await SignInAsync(DemoUsers.EcosystemManager), "Approve", "Reject");
    }

    [Fact]
    public async Task A_conflict_asked_for_as_json_answers_409_with_a_problem_body_naming_its_code()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var id = await SubmitForReviewAsync(App, sales, "Jason Json", NewEmail("jason"));
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        var token = await em.GetAntiforgeryTokenAsync("/Ecosystem/Reviews");
        using (var first = await em.PostFormWithTokenAsync($"/Ecosystem/Approve/{id}", token))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var again = new HttpRequestMessage(HttpMethod.Post, new Uri($"/Ecosystem/Approve/{id}", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
        };
        again.Headers.Accept.ParseAdd("application/json");
        using var response = await em.Http.SendAsync(again);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"type\":\"already_decided\"", body, StringComparison.Ordinal);
        Assert.Contains("This request has already been decided (now Preregistered).", body, StringComparison.Ordinal);
        Assert.Equal(1, await DecisionAuditsAsync(App, id));
    }
}
