using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Mail;
using PartnerCenter.Infrastructure.Data;

namespace PartnerCenter.Infrastructure.Mail;

/// <summary>
/// Sends the outbox. Each round claims a batch of due messages with one atomic UPDATE that stamps
/// this instance's lease on them, so two instances on one database never take the same message;
/// a lease that runs out (the instance died) makes its messages due again. Every attempt is
/// recorded; failures back off exponentially until the last attempt marks the message Failed.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes, IMailTransport transport, IOptions<MailOptions> options, TimeProvider clock, PortalMetrics metrics,
    ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    private readonly string instance = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int sent;
            try
            {
                sent = await DispatchOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRoundFailed(ex);
                sent = 0;
            }

            if (sent == 0)
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>Claims and sends one batch; returns how many messages it handled.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var settings = options.Value;
        var now = clock.UtcNow();
        var leaseUntil = now + settings.LeaseDuration;

        var due = db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Take(settings.BatchSize)
            .Select(m => m.Id);
        var claimed = await db.OutboxMessages
            .Where(m => due.Contains(m.Id) && m.Status == OutboxStatus.Pending && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, instance).SetProperty(m => m.LeaseUntil, leaseUntil), ct);
        if (claimed == 0)
        {
            return 0;
        }

        // One span per claimed batch (its EF Core commands and each message's send inside it); idle polls make none.
        using var round = PortalMetrics.Activities.StartActivity("outbox dispatch");
        var batch = await db.OutboxMessages
            .Where(m => m.LeaseOwner == instance && m.LeaseUntil == leaseUntil && m.Status == OutboxStatus.Pending)
            .ToListAsync(ct);
        var byMessageId = batch.ToDictionary(MessageIdOf);
        await transport.SendAsync(batch.Select(ToMime).ToList(), async (mime, error) =>
        {
            var message = byMessageId[mime.MessageId!];
            // Once the server has the message, its outcome is recorded even while shutting down.
            await RecordAsync(db, message, error, CancellationToken.None);
        }, ct, async mime =>
        {
            // Before each send: still ours? Then extend the lease, so a slow batch is never taken over mid-way.
            var id = byMessageId[mime.MessageId!].Id;
            var at = clock.UtcNow();
            return await db.OutboxMessages
                .Where(m => m.Id == id && m.LeaseOwner == instance && m.Status == OutboxStatus.Pending && m.LeaseUntil > at)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, at + settings.LeaseDuration), ct) == 1;
        });
        return batch.Count;
    }

    private async Task RecordAsync(AppDbContext db, OutboxMessage message, Exception? error, CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.UtcNow();
        message.Attempts++;
        message.LeaseOwner = null;
        message.LeaseUntil = null;
        var invitation = message.InvitationId is { } id ? await db.Invitations.FirstOrDefaultAsync(i => i.Id == id, ct) : null;
        metrics.DeliveryAttempt(sent: error is null);
        if (error is null)
        {
            message.Close(OutboxStatus.Sent, now, null);
            if (invitation is not null)
            {
                metrics.Invitation("sent");
            }

            invitation?.MarkSent(now);
            AddEvent(db, invitation, InvitationEventKind.Sent, now, null);
        }
        else
        {
            // Only the error's kind and message are kept: never addresses or bodies.
            var cause = $"{error.GetType().Name}: {error.Message}";
            cause = cause.Length > 1000 ? cause[..1000] : cause;
            message.LastError = cause;
            if (message.Attempts >= settings.MaxAttempts)
            {
                // Failed for good; the bodies stay so the platform administrator can retry it (the Outbox page).
                message.GiveUp(cause);
                invitation?.MarkDeliveryFailed(cause);
                if (invitation is not null)
                {
                    metrics.Invitation("failed");
                }

            }
            else
            {
                message.NextAttemptAt = now + settings.RetryBaseDelay * Math.Pow(2, message.Attempts - 1);
                invitation?.MarkDeliveryRetrying(cause);
            }

            AddEvent(db, invitation, InvitationEventKind.Failed, now,
                message.Status == OutboxStatus.Failed ? $"Gave up after {message.Attempts} attempts: {cause}" : $"Attempt {message.Attempts} failed, will retry: {cause}");
            LogAttemptFailed(message.Id, message.Attempts, error.GetType().Name);
        }

        // Saved per message, so a crash mid-batch loses at most the outcome of the message in flight.
        await db.SaveChangesAsync(ct);
    }

    private static void AddEvent(AppDbContext db, Invitation? invitation, InvitationEventKind kind, DateTime now, string? detail)
    {
        if (invitation is not null)
        {
            db.InvitationEvents.Add(InvitationEvent.For(invitation, kind, now, detail));
        }
    }

    private static string MessageIdOf(OutboxMessage message) => $"{message.Id:N}@partnercenter.local";

    private MimeMessage ToMime(OutboxMessage message)
    {
        var settings = options.Value;
        var mime = new MimeMessage
        {
            // A stable Message-Id: a retry of the same outbox row is recognisably the same email.
            MessageId = MessageIdOf(message),
            Date = new DateTimeOffset(message.CreatedAt, TimeSpan.Zero),
            Subject = message.Subject,
            Body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody }.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        return mime;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox round failed; retrying")]
    private partial void LogRoundFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} attempt {Attempt} failed ({ErrorType})")]
    private partial void LogAttemptFailed(Guid id, int attempt, string errorType);
}
