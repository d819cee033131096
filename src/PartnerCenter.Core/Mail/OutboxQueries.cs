using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Mail;

/// <summary>A failed message as the operator sees it: no bodies, no subject (it may name a customer), the recipient masked.</summary>
/// <param name="Kind">"Invitation" or "Notice" (an email to a partner).</param>
public sealed record FailedOutboxItem(Guid Id, string MaskedRecipient, string Kind, int Attempts, DateTime CreatedAt, string? LastError, bool CanRetry);

/// <summary>The Outbox page: counts by status, the oldest pending message, and the failed ones.</summary>
public sealed record OutboxSummary(int Pending, int Failed, int Sent, DateTime? OldestPendingAt, IReadOnlyList<FailedOutboxItem> FailedMessages);

/// <summary>What the platform administrator and the readiness check read about the outbox.</summary>
public sealed class OutboxQueries(IAppDb db)
{
    /// <summary>The failed messages the page lists, newest first.</summary>
    public const int FailedShown = 100;

    public async Task<OutboxSummary> SummaryAsync(CancellationToken ct)
    {
        var counts = await db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(OutboxStatus status) => counts.FirstOrDefault(c => c.Key == status)?.Count ?? 0;
        var failed = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Failed)
            .OrderByDescending(m => m.CreatedAt)
            .Take(FailedShown)
            .Select(m => new { m.Id, m.To, m.InvitationId, m.Attempts, m.CreatedAt, m.LastError, Retryable = m.HtmlBody != "" || m.TextBody != "" })
            .ToListAsync(ct);
        return new OutboxSummary(Count(OutboxStatus.Pending), Count(OutboxStatus.Failed), Count(OutboxStatus.Sent), await OldestPendingAsync(ct),
            failed.Select(m => new FailedOutboxItem(m.Id, Masking.Email(m.To), m.InvitationId is null ? "Notice" : "Invitation", m.Attempts, m.CreatedAt, m.LastError, m.Retryable)).ToList());
    }

    /// <summary>When the oldest message still waiting to be sent was queued; null when none waits.</summary>
    public Task<DateTime?> OldestPendingAsync(CancellationToken ct) =>
        db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending).MinAsync(m => (DateTime?)m.CreatedAt, ct);

    /// <summary>The same, synchronously, for a metrics gauge read during a scrape.</summary>
    public static DateTime? OldestPending(IAppDb db) =>
        db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending).Min(m => (DateTime?)m.CreatedAt);
}
