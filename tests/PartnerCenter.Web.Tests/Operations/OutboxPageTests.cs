using PartnerCenter.Web.Tests.Invitations;

namespace PartnerCenter.Web.Tests.Operations;

/// <summary>
/// The platform administrator's Outbox page, on a real SMTP sink that is down at first: an invitation fails
/// for good (one attempt), shows with its last error, and Retry sends it once the server is back.
/// </summary>
#pragma warning disable CA1001 // xunit disposes them through IAsyncLifetime.DisposeAsync
public sealed class OutboxPageTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string Email = "outbox001@prospects.example";
    private SmtpServer smtp = null!;
    private FailingMailApp app = null!;

    public Task InitializeAsync()
    {
        smtp = SmtpServer.Create();
        app = new FailingMailApp(smtp);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_failed_email_shows_its_last_error_masked_and_Retry_sends_it_once()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        (await sales.SubmitPreregistrationAsync("Otto Outbox", Email, sendInvitation: true)).Dispose();
        await app.DispatchOnceAsync();
        using var ops = await app.SignedInClientAsync(DemoUsers.Operator);

        var page = (await ops.GetPageAsync("/Outbox")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal("Outbox", page.Heading);
        Assert.Equal("0", page.Document.QuerySelector("[data-testid=outbox-pending]")!.TextContent.Trim());
        Assert.Equal("1", page.Document.QuerySelector("[data-testid=outbox-failed]")!.TextContent.Trim());
        Assert.Contains("o***@prospects.example", page.MainText, StringComparison.Ordinal);
        Assert.Contains("SocketException", page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, page.Document.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/invite/", page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Otto Outbox", page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);

        await smtp.StartAsync();
        var form = page.FormOfButton("Retry the email to o***@prospects.example");
        Assert.NotNull(form.GetAttribute("data-confirm"));
        using var retried = await ops.SubmitAsync(page, form);
        await retried.AssertStatusAsync(HttpStatusCode.Redirect);
        var after = await ops.FollowAsync(retried);
        Assert.Contains("The email is queued again and will be sent in a moment.", after.MainText, StringComparison.Ordinal);
        Assert.Equal("1", after.Document.QuerySelector("[data-testid=outbox-pending]")!.TextContent.Trim());
        Assert.Equal("0", after.Document.QuerySelector("[data-testid=outbox-failed]")!.TextContent.Trim());

        // A second Retry of the same (stale) page changes nothing.
        using var again = await ops.SubmitAsync(page, form);
        Assert.Contains("no longer failed", (await ops.FollowAsync(again)).MainText, StringComparison.Ordinal);

        await app.DispatchOnceAsync();
        var message = Assert.Single(await app.OutboxForAsync(Email));
        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal(DeliveryStatus.Sent, await app.WithDbAsync(db => db.Invitations.Where(i => i.Id == message.InvitationId).Select(i => i.Delivery).SingleAsync()));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "OutboxMessageRetried").ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(await app.UserIdAsync(DemoUsers.Operator), entry.ActorUserId);
        Assert.Equal(message.Id.ToString(), entry.EntityId);
        Assert.Equal("1", (await ops.GetPageAsync("/Outbox")).Document.QuerySelector("[data-testid=outbox-sent]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_failed_invitation_whose_link_was_revoked_cannot_be_retried()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        (await sales.SubmitPreregistrationAsync("Rita Revoked", "outbox002@prospects.example", sendInvitation: true)).Dispose();
        await app.DispatchOnceAsync();
        var id = await app.WithDbAsync(db => db.Preregistrations.Where(p => p.CustomerEmail == "outbox002@prospects.example").Select(p => p.Id).SingleAsync());
        using var deleted = await sales.PostFormAsync("/CustomerDevelopment/Delete", ("ids", id.ToString()));
        await deleted.AssertStatusAsync(HttpStatusCode.Redirect);
        using var ops = await app.SignedInClientAsync(DemoUsers.Operator);

        var page = await ops.GetPageAsync("/Outbox");

        Assert.Contains("Cancelled", page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Document.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Retry");
        var message = Assert.Single(await app.OutboxForAsync("outbox002@prospects.example"));
        Assert.Equal("", message.TextBody);
        using var forced = await ops.PostFormAsync($"/Outbox/Retry/{message.Id}");
        Assert.Contains("cannot be sent again", (await ops.FollowAsync(forced)).MainText, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Failed, Assert.Single(await app.OutboxForAsync("outbox002@prospects.example")).Status);
    }

    [Theory]
    [InlineData(DemoUsers.NorthwindAdmin)]
    [InlineData(DemoUsers.EcosystemManager)]
    [InlineData(DemoUsers.Customer)]
    public async Task Only_the_platform_administrator_opens_the_outbox_or_retries(string email)
    {
        using var client = await app.SignedInClientAsync(email);

        var page = await client.GetPageAsync("/Outbox");
        using var retry = await client.PostFormAsync($"/Outbox/Retry/{Guid.NewGuid()}");

        page.AssertStatus(HttpStatusCode.Forbidden);
        Assert.DoesNotContain(">Outbox</a>", (await client.GetPageAsync("/")).Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal("/Account/AccessDenied", retry.Headers.Location!.AbsolutePathOrOriginal());
    }

    private sealed class FailingMailApp : TestApp
    {
        public FailingMailApp(SmtpServer smtp)
        {
            Smtp = smtp;
            RunDispatcher = false;
            MaxAttempts = 1;
        }
    }
}

/// <summary>/health/ready turns Degraded (still 200) when the oldest pending email has waited past Outbox:DegradedAfter.</summary>
public sealed class OutboxReadinessTests(FakeClockApp app) : AppTest<FakeClockApp>(app)
{
    [Fact]
    public async Task Ready_is_degraded_once_the_oldest_pending_email_is_older_than_the_configured_age()
    {
        // Only this test's email is pending: the app's dispatcher sends, but its pickup folder is fine, so
        // the message is made to wait by pushing its next attempt past the test.
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        (await sales.SubmitPreregistrationAsync("Rea Dy", "ready001@prospects.example", sendInvitation: true)).Dispose();
        await App.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == "ready001@prospects.example")
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.NextAttemptAt, App.Now.AddDays(1))));
        var client = NewClient();

        App.Clock.Advance(TimeSpan.FromMinutes(14));
        using var fresh = await client.GetAsync("/health/ready");
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        using var late = await client.GetAsync("/health/ready");

        await fresh.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", await fresh.Content.ReadAsStringAsync());
        await late.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Degraded", await late.Content.ReadAsStringAsync());
    }
}
