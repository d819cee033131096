using Microsoft.EntityFrameworkCore.Diagnostics;
using PartnerCenter.Infrastructure.Data;
using static PartnerCenter.Web.Tests.Reviews.ReviewKit;

namespace PartnerCenter.Web.Tests.Reviews;

/// <summary>
/// Holds every save that changes an armed record until the expected number of saves has arrived,
/// so two racing decisions have both read the record before either writes: the interleaving the
/// concurrency token exists for, made certain instead of likely. Bounded: a save that waits in vain
/// goes on after the timeout, and the test's assertions tell what happened.
/// </summary>
public sealed class DecisionGate : SaveChangesInterceptor
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly Lock sync = new();
    private Guid armed;
    private int expected;
    private int arrived;
    private TaskCompletionSource all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether the last armed round saw all its saves meet.</summary>
    public bool Met { get; private set; }

    public void Arm(Guid preregistrationId, int saves)
    {
        lock (sync)
        {
            armed = preregistrationId;
            expected = saves;
            arrived = 0;
            Met = false;
            all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Task? wait = null;
        lock (sync)
        {
            var touches = armed != Guid.Empty && eventData.Context is { } context && context.ChangeTracker.Entries<Preregistration>()
                .Any(e => e.State == EntityState.Modified && e.Entity.Id == armed);
            if (touches)
            {
                if (++arrived == expected)
                {
                    Met = true;
                    armed = Guid.Empty;
                    all.TrySetResult();
                }

                wait = all.Task;
            }
        }

        if (wait is not null)
        {
            try
            {
                await wait.WaitAsync(Timeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Let the lone save go on; Met stays false and the test says so.
            }
        }

        return result;
    }
}

public class RacingDecisionsFactory : TestApp
{
    public DecisionGate Gate { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(Gate));
}

public sealed class RacingDecisionsOnPostgreSql : RacingDecisionsFactory
{
    public RacingDecisionsOnPostgreSql() => Engine = DatabaseEngine.PostgreSql;
}

/// <summary>Two ecosystem manager sessions decide the same request at once: exactly one decision counts (on each engine).</summary>
public abstract class ReviewRaceTests(RacingDecisionsFactory app)
{
    public sealed class OnSqlite(RacingDecisionsFactory app) : ReviewRaceTests(app), IClassFixture<RacingDecisionsFactory>;

    public sealed class OnPostgreSql(RacingDecisionsOnPostgreSql app) : ReviewRaceTests(app), IClassFixture<RacingDecisionsOnPostgreSql>;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Approve_and_reject_at_the_same_moment_store_exactly_one_decision_and_tell_the_other_manager(bool sendInvitation)
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var name = sendInvitation ? "Rafa Racing" : "Rosa Racing";
        var email = NewEmail(name.Split(' ')[0].ToLowerInvariant());
        var id = await SubmitForReviewAsync(app, sales, name, email, sendInvitation);
        // The same account in two sessions (two colleagues sharing it, or two tabs): each has its own antiforgery token.
        using var first = await app.SignedInClientAsync(DemoUsers.EcosystemManager);
        using var second = await app.SignedInClientAsync(DemoUsers.EcosystemManager);
        var approvePage = await QueueAsync(first);
        var rejectForm = await second.GetPageAsync($"/Ecosystem/Reject/{id}");
        app.Gate.Arm(id, saves: 2);

        var approving = first.SubmitAsync(approvePage, approvePage.FormOfButton($"Approve {name}"));
        var rejecting = second.SubmitAsync(rejectForm, rejectForm.FormOfButton("Reject"), ("Reason", "Served by a Brazilian partner."));
        await Task.WhenAll(approving, rejecting);
        using var approved = await approving;
        using var rejected = await rejecting;

        Assert.True(app.Gate.Met, "Both decisions should have reached their save together.");
        var approvedPage = await AfterAsync(first, approved, "/Ecosystem/Reviews");
        var rejectedPage = await AfterAsync(second, rejected, "/Ecosystem/Reviews");
        var record = await RecordAsync(app, id);
        Assert.Contains(record.Status, new[] { PreregistrationStatus.Preregistered, PreregistrationStatus.Rejected });
        var (winner, loser) = record.Status == PreregistrationStatus.Preregistered ? (approvedPage, rejectedPage) : (rejectedPage, approvedPage);
        Assert.Single(winner.Alerts("success"));
        Assert.Empty(winner.Alerts("danger"));
        Assert.Equal([$"This request has already been decided (now {record.Status.Label()})."], loser.Alerts("danger"));
        Assert.Empty(loser.Alerts("success"));

        Assert.Equal(1, await DecisionAuditsAsync(app, id));
        var mail = Assert.Single(await DecisionMailsAsync(app, name));
        var invitations = await app.WithDbAsync(db => db.Invitations.CountAsync(i => i.PreregistrationId == id));
        if (record.Status == PreregistrationStatus.Preregistered)
        {
            Assert.Equal($"Preregistration of {name} approved", mail.Subject);
            Assert.Null(record.RejectionReason);
            Assert.Equal(sendInvitation ? 1 : 0, invitations);
            Assert.Equal(sendInvitation ? 1 : 0, (await MailToAsync(app, email)).Count);
        }
        else
        {
            Assert.Equal($"Preregistration of {name} rejected", mail.Subject);
            Assert.Equal("Served by a Brazilian partner.", record.RejectionReason);
            Assert.Null(record.ExpiresAt);
            // The losing approval's invitation went down with it.
            Assert.Equal(0, invitations);
            Assert.Empty(await MailToAsync(app, email));
        }
    }

    [Fact]
    public async Task Two_sessions_approving_at_once_approve_once()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var email = NewEmail("dora");
        var id = await SubmitForReviewAsync(app, sales, "Dora Double", email, sendInvitation: true);
        using var first = await app.SignedInClientAsync(DemoUsers.EcosystemManager);
        using var second = await app.SignedInClientAsync(DemoUsers.EcosystemManager);
        var firstPage = await QueueAsync(first);
        var secondPage = await QueueAsync(second);
        app.Gate.Arm(id, saves: 2);

        var responses = await Task.WhenAll(
            first.SubmitAsync(firstPage, firstPage.FormOfButton("Approve Dora Double")),
            second.SubmitAsync(secondPage, secondPage.FormOfButton("Approve Dora Double")));

        Assert.True(app.Gate.Met, "Both approvals should have reached their save together.");
        var pages = new[]
        {
            await AfterAsync(first, responses[0], "/Ecosystem/Reviews"),
            await AfterAsync(second, responses[1], "/Ecosystem/Reviews"),
        };
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Equal(1, pages.Count(p => p.Alerts("success").Count == 1));
        Assert.Equal(1, pages.Count(p => p.Alerts("danger").SequenceEqual(["This request has already been decided (now Preregistered)."])));
        Assert.Equal(PreregistrationStatus.Preregistered, (await RecordAsync(app, id)).Status);
        Assert.Equal(1, await DecisionAuditsAsync(app, id));
        Assert.Single(await DecisionMailsAsync(app, "Dora Double"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Invitations.CountAsync(i => i.PreregistrationId == id)));
        Assert.Single(await MailToAsync(app, email));
    }
}
