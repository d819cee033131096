using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PartnerCenter.Core.Mail;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Core.Webhooks;

namespace PartnerCenter.Core.Common;

/// <summary>
/// The portal's own instruments, all on the meter <see cref="Name"/> (README, "Operations"). Use cases
/// record where they decide; the gauges read the database when they are collected (a scrape), so every
/// instance reports the same platform-wide figures. Only System.Diagnostics here: OpenTelemetry picks
/// the meter up by name in the web project.
/// </summary>
public sealed class PortalMetrics
{
    /// <summary>The meter's name, and the name of <see cref="Activities"/>.</summary>
    public const string Name = "PartnerCenter";

    /// <summary>The portal's own spans (the SMTP send of an outbox message).</summary>
    public static readonly ActivitySource Activities = new(Name);

    private readonly Counter<long> preregistrations;
    private readonly Counter<long> reviewsDecided;
    private readonly Counter<long> invitations;
    private readonly Counter<long> associations;
    private readonly Counter<long> deliveryAttempts;
    private readonly Counter<long> webhookAttempts;
    private readonly IServiceScopeFactory scopes;

    public PortalMetrics(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider clock)
    {
        this.scopes = scopes;
#pragma warning disable CA2000 // the meter factory owns the meter and disposes it with the container
        var meter = meters.Create(Name);
#pragma warning restore CA2000
        preregistrations = meter.CreateCounter<long>("partnercenter.preregistrations.submitted", "{submission}",
            "Preregistration submissions by outcome: preregistered, review (pending review), review_offered, or the refusal cause's code (one per cause).");
        reviewsDecided = meter.CreateCounter<long>("partnercenter.reviews.decided", "{review}", "Manual reviews decided, by decision (approved, rejected).");
        invitations = meter.CreateCounter<long>("partnercenter.invitations", "{invitation}",
            "Invitation events: sent and failed (the email), opened and used (the link).");
        associations = meter.CreateCounter<long>("partnercenter.associations", "{association}",
            "Associations by result (succeeded, failed), cause (the error code of a failure) and channel (link, background).");
        deliveryAttempts = meter.CreateCounter<long>("partnercenter.outbox.delivery_attempts", "{attempt}", "Outbox send attempts, by result (sent, failed).");
        webhookAttempts = meter.CreateCounter<long>("partnercenter.webhooks.delivery_attempts", "{attempt}",
            "Webhook delivery attempts, by result (delivered, failed: will retry, gave_up: the delivery is too old to retry).");
        meter.CreateObservableGauge("partnercenter.webhooks.pending", () => Observe<long>(db =>
            [new Measurement<long>(db.WebhookDeliveries.LongCount(d => d.Status == WebhookDeliveryStatus.Pending))]),
            "{delivery}", "Webhook deliveries waiting for their next attempt.");
        meter.CreateObservableGauge("partnercenter.reviews.overdue", () => Observe<long>(db =>
        {
            var now = clock.UtcNow();
            return [new Measurement<long>(db.Preregistrations.Where(Preregistration.ReviewOverdueAt(now)).LongCount())];
        }), "{review}", "Reviews (manual reviews, resubmissions, extension requests) past their target.");
        meter.CreateObservableGauge("partnercenter.outbox.messages", () => Observe<long>(db =>
        [
            new Measurement<long>(db.OutboxMessages.LongCount(m => m.Status == OutboxStatus.Pending), new KeyValuePair<string, object?>("status", "pending")),
            new Measurement<long>(db.OutboxMessages.LongCount(m => m.Status == OutboxStatus.Failed), new KeyValuePair<string, object?>("status", "failed")),
        ]), "{message}", "Outbox messages waiting to be sent (pending) and given up (failed).");
        meter.CreateObservableGauge("partnercenter.outbox.oldest_pending_age", () => Observe<double>(db =>
        {
            var oldest = OutboxQueries.OldestPending(db);
            var age = oldest is null ? 0 : Math.Max(0, (clock.UtcNow() - oldest.Value).TotalSeconds);
            return [new Measurement<double>(age)];
        }), "s", "Age of the oldest pending outbox message (0 when none is pending).");
    }

    public void PreregistrationSubmitted(string outcome) => preregistrations.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void ReviewDecided(bool approved) => reviewsDecided.Add(1, new KeyValuePair<string, object?>("decision", approved ? "approved" : "rejected"));

    public void Invitation(string @event) => invitations.Add(1, new KeyValuePair<string, object?>("event", @event));

    public void Association(string channel, Error? failure) => associations.Add(1,
        new KeyValuePair<string, object?>("result", failure is null ? "succeeded" : "failed"),
        new KeyValuePair<string, object?>("cause", failure?.Code ?? "none"),
        new KeyValuePair<string, object?>("channel", channel));

    public void DeliveryAttempt(bool sent) => deliveryAttempts.Add(1, new KeyValuePair<string, object?>("result", sent ? "sent" : "failed"));

    public void WebhookAttempt(WebhookDeliveryStatus after) => webhookAttempts.Add(1, new KeyValuePair<string, object?>("result", after switch
    {
        WebhookDeliveryStatus.Delivered => "delivered",
        WebhookDeliveryStatus.Pending => "failed",
        _ => "gave_up",
    }));

    /// <summary>Records a submission's outcome: its kind, or each refusal cause's code.</summary>
    public void PreregistrationSubmitted(Result<SubmissionOutcome> result)
    {
        if (result.IsSuccess)
        {
            PreregistrationSubmitted(result.Value!.Kind switch
            {
                SubmissionKind.Preregistered => "preregistered",
                SubmissionKind.PendingReview => "review",
                _ => "review_offered",
            });
            return;
        }

        foreach (var cause in result.Error!.Causes ?? [result.Error])
        {
            PreregistrationSubmitted(cause.Code);
        }
    }

    /// <summary>A gauge's reading; nothing (rather than an exception in the collector) while the database is unreachable.</summary>
    private IEnumerable<Measurement<T>> Observe<T>(Func<IAppDb, Measurement<T>[]> read)
        where T : struct
    {
        try
        {
            using var scope = scopes.CreateScope();
            return read(scope.ServiceProvider.GetRequiredService<IAppDb>());
        }
#pragma warning disable CA1031 // a scrape must not fail because the database is briefly down; readiness reports that
        catch (Exception)
#pragma warning restore CA1031
        {
            return [];
        }
    }
}
