using PartnerCenter.Core.Reviews;
using PartnerCenter.Web.Tests.Security;
using static PartnerCenter.Web.Tests.Reviews.ReviewKit;

namespace PartnerCenter.Web.Tests.Reviews;

/// <summary>
/// Issue 17, Escalation: the dashboard's share of reviews decided within target over the last 30 days, on a fake clock
/// from Friday 2031-03-14 09:30 UTC. Seeded: Ana Costa rejected within target; Rafael Lima (Contoso) a week overdue.
/// Without <c>Review:EscalationEmail</c> nothing is escalated. One test: the clock only moves forward.
/// </summary>
public sealed class DecidedWithinTargetTests(FakeClockApp app) : AppTest<FakeClockApp>(app)
{
    [Fact]
    public async Task Every_decision_kind_counts_and_the_share_covers_the_last_30_days_with_an_empty_state()
    {
        Assert.Equal("1 of 1 decided within target (100%)", await ShareAsync());
        Assert.Equal(0, await App.WithServiceAsync<EscalateOverdueReviews, int>(s => s.ExecuteAsync(CancellationToken.None)));
        Assert.Equal(0, await App.WithDbAsync(db => db.ReviewEscalations.CountAsync()));

        // The overdue Rafael Lima is approved late, Pedro Silva (due Monday) on time.
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        await DecideAsync(em, $"Approve {OverdueReviewName}");
        Assert.Equal("1 of 2 decided within target (50%)", await ShareAsync());
        await DecideAsync(em, "Approve Pedro Silva");
        Assert.Equal("2 of 3 decided within target (67%)", await ShareAsync());

        // An extension approved on time.
        await App.AddNorthwindLapsingRecordAsync(requested: true);
        await DecideAsync(em, "Approve extension for Lapsing Customer");
        Assert.Equal("3 of 4 decided within target (75%)", await ShareAsync());

        // An extension declined on time; a review returned to the partner three days after it was due.
        var northwind = await App.PartnerIdAsync(Northwind);
        var late = await AddPendingReviewAsync(App, northwind, "Lotte Late", NewEmail("lotte"), App.Now, App.Now.AddDays(1));
        var declined = await App.AddNorthwindLapsingRecordAsync(requested: true);
        var managerId = await App.UserIdAsync(DemoUsers.EcosystemManager);
        Assert.True((await App.WithServiceAsync<DecideExtension, Result<Preregistration>>(s =>
            s.DeclineAsync(managerId, declined, "The customer decided already.", CancellationToken.None))).IsSuccess);
        Assert.Equal("4 of 5 decided within target (80%)", await ShareAsync());
        App.Clock.Advance(TimeSpan.FromDays(4));
        Assert.True((await App.WithServiceAsync<ReturnForEdits, Result<Preregistration>>(s =>
            s.ExecuteAsync(managerId, late, "Check the name", ReturnFields.Name, CancellationToken.None))).IsSuccess);
        Assert.Equal("4 of 6 decided within target (67%)", await ShareAsync());
        var decisions = await App.WithDbAsync(db => db.ReviewDecisions.OrderBy(d => d.DecidedAt).ThenBy(d => d.Id)
            .Select(d => new { d.Kind, d.Outcome, d.WithinTarget }).ToListAsync());
        Assert.Equal(
            [
                (ReviewKind.ManualReview, ReviewOutcome.Rejected, true), (ReviewKind.ManualReview, ReviewOutcome.Approved, false),
                (ReviewKind.ManualReview, ReviewOutcome.Approved, true), (ReviewKind.Extension, ReviewOutcome.ExtensionApproved, true),
                (ReviewKind.Extension, ReviewOutcome.ExtensionDeclined, true), (ReviewKind.ManualReview, ReviewOutcome.Returned, false),
            ],
            decisions.Select(d => (d.Kind, d.Outcome, d.WithinTarget)).ToList());
        var returnedAudit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "ReviewReturned" && a.EntityId == late.ToString()).Select(a => a.After).SingleAsync());
        Assert.Contains("\"ReviewKind\":\"ManualReview\",\"WithinTarget\":false", returnedAudit, StringComparison.Ordinal);

        // 31 days on, nothing decided in the window: the empty state.
        App.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal("No reviews were decided in the last 30 days.", await ShareAsync());
    }

    private async Task DecideAsync(PartnerCenterClient em, string button)
    {
        var queue = await QueueAsync(em);
        using var response = await em.SubmitAsync(queue, queue.FormOfButton(button));
        await AfterAsync(em, response, "/Ecosystem/Reviews");
    }

    private async Task<string> ShareAsync()
    {
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        var page = (await em.GetPageAsync("/Ecosystem")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Reviews decided within target (last 30 days)", page.Document.QuerySelector("#within-target")?.TextContent.Trim());
        return Collapse(page.Document.QuerySelector("[data-testid=within-target]")?.TextContent);
    }
}
