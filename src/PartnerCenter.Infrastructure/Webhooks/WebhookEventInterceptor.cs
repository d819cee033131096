using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Webhooks;

namespace PartnerCenter.Infrastructure.Webhooks;

/// <summary>
/// Before every save: the webhook events in the changes (<see cref="WebhookEvents.Detect"/>) become
/// delivery rows in the same save, hence the same transaction as the change they report.
/// </summary>
public sealed class WebhookEventInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            db.ChangeTracker.DetectChanges();
            var now = clock.UtcNow();
            await WebhookEvents.QueueAsync(db, WebhookEvents.Detect(db.ChangeTracker, now), now, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db)
        {
            db.ChangeTracker.DetectChanges();
            var now = clock.UtcNow();
            WebhookEvents.Queue(db, WebhookEvents.Detect(db.ChangeTracker, now), now);
        }

        return result;
    }
}
