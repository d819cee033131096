using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PartnerCenter.Web.Operations;
using PartnerCenter.Web.Tests.Invitations;

namespace PartnerCenter.Web.Tests.Operations;

/// <summary>
/// The portal's meter and spans are process-wide names: an app's listener also hears every other app of
/// the test run. These tests run alone (no other collection in parallel), so what they count is theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry (runs alone)";
}

/// <summary>An app with metrics on, read through OpenTelemetry's in-memory exporter, and traces likewise.</summary>
public sealed class InMemoryTelemetryApp : TestApp
{
    public InMemoryTelemetryApp()
    {
        RunDispatcher = false;
        Clock = NewFakeClock();
    }

    public List<MetricSnapshot> Metrics { get; } = [];

    public List<Activity> Spans { get; } = [];

    /// <summary>Collects every instrument now and returns the value of a counter or gauge for one tag (all points when null).</summary>
    public double Read(string instrument, string? tag = null, string? value = null)
    {
        lock (Metrics)
        {
            Metrics.Clear();
            Services.GetRequiredService<MeterProvider>().ForceFlush();
            var metric = Metrics.LastOrDefault(m => m.Name == instrument);
            if (metric is null)
            {
                return 0;
            }

            double total = 0;
            foreach (var point in metric.MetricPoints)
            {
                var tags = new Dictionary<string, object?>();
                foreach (var t in point.Tags)
                {
                    tags[t.Key] = t.Value;
                }

                if (tag is null || Equals(tags.GetValueOrDefault(tag)?.ToString(), value))
                {
                    total += metric.MetricType switch
                    {
                        MetricType.LongSum => point.GetSumLong(),
                        MetricType.LongGauge => point.GetGaugeLastValueLong(),
                        MetricType.DoubleGauge => point.GetGaugeLastValueDouble(),
                        MetricType.DoubleSum => point.GetSumDouble(),
                        _ => throw new InvalidOperationException($"{instrument} is a {metric.MetricType}"),
                    };
                }
            }

            return total;
        }
    }

    protected override void ConfigureSettings(IDictionary<string, string?> settings) => settings["Metrics:Enabled"] = "true";

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(Metrics));
        services.AddOpenTelemetry().WithTracing(t => t.AddPortalSources().AddInMemoryExporter(Spans));
    }
}

[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests(InMemoryTelemetryApp app) : AppTest<InMemoryTelemetryApp>(app)
{
    private const string Submitted = "partnercenter.preregistrations.submitted";

    [Fact]
    public async Task Submissions_are_counted_by_outcome_and_each_refusal_cause()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var before = (Pre: App.Read(Submitted, "outcome", "preregistered"), Review: App.Read(Submitted, "outcome", "review"),
            Offered: App.Read(Submitted, "outcome", "review_offered"), Mainland: App.Read(Submitted, "outcome", "refused_mainland"));

        (await sales.SubmitPreregistrationAsync("Metric One", "metric001@prospects.example")).Dispose();
        (await sales.SubmitPreregistrationAsync("Mainland Trading", "mainland@customers.example")).Dispose();
        (await sales.SubmitPreregistrationAsync("Metric Abroad", "metric002@prospects.example", Preregister.BrazilianMobileNumber, confirmReview: true)).Dispose();

        Assert.Equal(before.Pre + 1, App.Read(Submitted, "outcome", "preregistered"));
        Assert.Equal(before.Mainland + 1, App.Read(Submitted, "outcome", "refused_mainland"));
        Assert.Equal(before.Offered + 1, App.Read(Submitted, "outcome", "review_offered"));
        Assert.Equal(before.Review + 1, App.Read(Submitted, "outcome", "review"));
    }

    [Fact]
    public async Task Invitations_sent_and_opened_attempts_and_the_outbox_gauges_are_measured()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        while (await App.DispatchOnceAsync() > 0)
        {
        }

        var sentBefore = App.Read("partnercenter.invitations", "event", "sent");
        var openedBefore = App.Read("partnercenter.invitations", "event", "opened");
        var attemptsBefore = App.Read("partnercenter.outbox.delivery_attempts", "result", "sent");

        (await sales.SubmitPreregistrationAsync("Metric Invitee", "metric003@prospects.example", sendInvitation: true)).Dispose();
        var link = Assert.Single(InvitationSteps.InviteLinksIn(Assert.Single(await App.OutboxForAsync("metric003@prospects.example")).TextBody));
        App.FakeClock.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(1, App.Read("partnercenter.outbox.messages", "status", "pending"));
        Assert.Equal(180, App.Read("partnercenter.outbox.oldest_pending_age"), precision: 0);

        await App.DispatchOnceAsync();
        Assert.Equal(HttpStatusCode.OK, await NewClient().StatusOfAsync(InvitationSteps.PathOf(link)));

        Assert.Equal(sentBefore + 1, App.Read("partnercenter.invitations", "event", "sent"));
        Assert.Equal(openedBefore + 1, App.Read("partnercenter.invitations", "event", "opened"));
        Assert.Equal(attemptsBefore + 1, App.Read("partnercenter.outbox.delivery_attempts", "result", "sent"));
        Assert.Equal(0, App.Read("partnercenter.outbox.messages", "status", "pending"));
        Assert.Equal(0, App.Read("partnercenter.outbox.oldest_pending_age"));
    }

    [Fact]
    public async Task Review_decisions_are_counted_and_overdue_reviews_are_a_gauge()
    {
        var approvedBefore = App.Read("partnercenter.reviews.decided", "decision", "approved");
        var pedro = await App.WithDbAsync(db => db.Preregistrations.Where(p => p.CustomerEmail == Pedro).Select(p => p.Id).SingleAsync());
        var onTime = App.Read("partnercenter.reviews.overdue");

        // Past Pedro's 2-working-day target (a week covers any weekend).
        App.FakeClock.Advance(TimeSpan.FromDays(7));
        var overdue = App.Read("partnercenter.reviews.overdue");
        var manager = await SignInAsync(DemoUsers.EcosystemManager);
        var queue = await manager.GetPageAsync("/Ecosystem/Reviews");
        using var approved = await manager.SubmitAsync(queue, queue.FormOfButton("Approve Pedro Silva"));
        await approved.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("Approved: Pedro Silva", (await manager.FollowAsync(approved)).MainText, StringComparison.Ordinal);

        Assert.True(overdue > onTime, $"overdue {overdue}, before {onTime}");
        Assert.Equal(approvedBefore + 1, App.Read("partnercenter.reviews.decided", "decision", "approved"));
        Assert.Equal(overdue - 1, App.Read("partnercenter.reviews.overdue"));
    }

    [Fact]
    public async Task A_request_trace_holds_its_EF_Core_commands_and_an_outbox_send_has_its_SMTP_span()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        var spans = new List<Activity>();
        await using var mailing = new SmtpTracingApp(smtp, spans);
        using var sales = await mailing.SignedInClientAsync(DemoUsers.NorthwindSales);

        (await sales.SubmitPreregistrationAsync("Trace Invitee", "trace001@prospects.example", sendInvitation: true)).Dispose();
        await mailing.DispatchOnceAsync();

        Activity[] all;
        lock (spans)
        {
            all = [.. spans];
        }

        var post = all.Single(s => s.Kind == ActivityKind.Server && s.DisplayName.StartsWith("POST", StringComparison.Ordinal)
                                   && Equals(s.GetTagItem("url.path"), Preregister.FormUrl));
        Assert.Contains(all, s => s.TraceId == post.TraceId && s.Kind == ActivityKind.Client && s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal));
        var send = all.Single(s => s.DisplayName == "smtp send" && Equals(s.GetTagItem("server.port"), smtp.Port));
        Assert.Equal(ActivityKind.Client, send.Kind);
        var round = all.Single(s => s.SpanId == send.ParentSpanId);
        Assert.Equal("outbox dispatch", round.DisplayName);
        Assert.Contains(all, s => s.TraceId == round.TraceId && s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(all, s => s.TagObjects.Any(t => t.Value?.ToString()?.Contains("trace001@prospects.example", StringComparison.OrdinalIgnoreCase) == true));
    }

    private sealed class SmtpTracingApp : TestApp
    {
        private readonly List<Activity> spans;

        public SmtpTracingApp(SmtpServer smtp, List<Activity> spans)
        {
            this.spans = spans;
            Smtp = smtp;
            RunDispatcher = false;
        }

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddOpenTelemetry().WithTracing(t => t.AddPortalSources().AddInMemoryExporter(spans));
    }
}
