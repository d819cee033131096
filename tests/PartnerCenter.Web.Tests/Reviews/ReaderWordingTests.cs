using PartnerCenter.Core.Customers;
using static PartnerCenter.Web.Tests.Reviews.ReviewKit;

namespace PartnerCenter.Web.Tests.Reviews;

/// <summary>The review queue as the ecosystem manager reads it: the facts line is one sentence, about the partner.</summary>
public sealed class ReviewQueueWordingTests(FakeClockApp app) : AppTest<FakeClockApp>(app)
{
    [Fact]
    public async Task The_facts_line_reads_as_a_sentence_whatever_facts_the_account_has()
    {
        var all = NewEmail("allfacts");
        var online = NewEmail("onlineonly");
        await App.WithDbAsync(async db =>
        {
            var registered = App.Now.AddDays(-30);
            db.CustomerAccounts.Add(new CustomerAccount
            {
                Email = all, Name = "All Facts", CountryCode = "DE", RegisteredAt = registered,
                PreregisteredByDirectSales = true, HasCashExpenditure = true, IsOnlineSalesTeamMember = true,
            });
            db.CustomerAccounts.Add(new CustomerAccount { Email = online, Name = "Online Only", CountryCode = "DE", RegisteredAt = registered, IsOnlineSalesTeamMember = true });
            return await db.SaveChangesAsync();
        });
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        await SubmitForReviewAsync(App, sales, "All Facts", all, mobile: GermanMobile);
        await SubmitForReviewAsync(App, sales, "Online Only", online, mobile: GermanMobile);
        var em = await SignInAsync(DemoUsers.EcosystemManager);

        var queue = await QueueAsync(em);

        Assert.Equal(
            "The customer was preregistered by the platform's direct sales team, has cash expenditure and belongs to the platform's online sales team.",
            Collapse(queue.QueueRow("All Facts").QuerySelector("[data-testid='review-facts']")!.TextContent));
        Assert.Equal("The customer belongs to the platform's online sales team.",
            Collapse(queue.QueueRow("Online Only").QuerySelector("[data-testid='review-facts']")!.TextContent));
        foreach (var facts in queue.Document.QuerySelectorAll("[data-testid='review-facts']"))
        {
            Assert.Matches(@"^The customer [a-z][^;]*\.$", Collapse(facts.TextContent));
        }
    }
}

/// <summary>A prepaid partner who chose "Send invitation link: Yes" is told the invitation was not sent, and why.</summary>
/// <remarks>Its own app: the test makes Northwind prepaid.</remarks>
public sealed class PrepaidApprovalEmailTests(FakeClockApp app) : AppTest<FakeClockApp>(app)
{
    [Fact]
    public async Task The_approval_email_says_the_invitation_was_not_sent_and_why()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var email = NewEmail("petra");
        var id = await SubmitForReviewAsync(App, sales, "Petra Prepaid", email, sendInvitation: true);
        await App.WithDbAsync(db => db.Partners.Where(p => p.Name == Northwind).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsPrepaid, true)));
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        var queue = await QueueAsync(em);

        using var response = await em.SubmitAsync(queue, queue.FormOfButton("Approve Petra Prepaid"));

        await AfterAsync(em, response, "/Ecosystem/Reviews");
        Assert.Equal(PreregistrationStatus.Preregistered, (await RecordAsync(App, id)).Status);
        Assert.Empty(await MailToAsync(App, email));
        var decision = Assert.Single(await DecisionMailsAsync(App, "Petra Prepaid"));
        Assert.Contains(
            "The invitation was not sent, although you chose to send the invitation link: " + InvitationErrors.PrepaidPartner.Message,
            Collapse(decision.TextBody), StringComparison.Ordinal);
        Assert.DoesNotContain("you can now invite the customer", decision.TextBody, StringComparison.Ordinal);
        Assert.Contains("The invitation was not sent", Collapse(decision.HtmlBody), StringComparison.Ordinal);
        Assert.Contains(InvitationErrors.PrepaidPartner.Message, decision.HtmlBody, StringComparison.Ordinal);
    }
}

/// <summary>"Sort by preregistered date" sorts by when each record became Preregistered (approval time after a review).</summary>
public sealed class SortByPreregisteredDateTests(FakeClockApp app) : AppTest<FakeClockApp>(app)
{
    [Fact]
    public async Task A_record_approved_after_a_later_submission_sorts_by_its_approval()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        // Submitted first, approved last: by submission it is older, by preregistered date newer.
        var reviewed = await SubmitForReviewAsync(App, sales, "Rosa Reviewed", NewEmail("rosa"));
        App.Clock.Advance(TimeSpan.FromHours(1));
        var directEmail = NewEmail("dora");
        var direct = await sales.PreregisterOrThrowAsync(App, "Dora Direct", directEmail, GermanMobile);
        App.Clock.Advance(TimeSpan.FromHours(1));
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        var queue = await QueueAsync(em);
        using (var approved = await em.SubmitAsync(queue, queue.FormOfButton("Approve Rosa Reviewed")))
        {
            await AfterAsync(em, approved, "/Ecosystem/Reviews");
        }

        var rosa = await RecordAsync(App, reviewed);
        var dora = await RecordAsync(App, direct);
        Assert.True(rosa.CreatedAt < dora.CreatedAt);
        Assert.True(rosa.PreregisteredAt > dora.PreregisteredAt);

        // Newest first on the page: Rosa (approved last) comes before Dora.
        var list = await sales.GetPageAsync("/CustomerDevelopment?status=Preregistered&sort=newest");
        list.AssertStatus(HttpStatusCode.OK);
        Assert.Contains("Sort by preregistered date", list.MainText, StringComparison.Ordinal);
        var ids = list.Document.QuerySelectorAll("main tbody input[name='ids']").Select(i => Guid.Parse(i.GetAttribute("value")!)).ToList();
        Assert.Equal([reviewed, direct], ids.Take(2));

        // Oldest first, over the same records in the database: Dora before Rosa.
        var oldest = await App.WithDbAsync(db => PreregistrationQueries
            .ByPreregisteredDate(db.Preregistrations.Where(p => p.Id == reviewed || p.Id == direct), oldestFirst: true)
            .Select(p => p.Id).ToListAsync());
        Assert.Equal([direct, reviewed], oldest);
    }
}
