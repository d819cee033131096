using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Webhooks;

/// <summary>
/// The one helper that turns a change into webhook events: it reads what is about to be saved (the
/// entities' state changes, whichever use case, sweep or dispatcher made them) and adds one
/// <see cref="WebhookDelivery"/> per subscribed endpoint to the same save, so the event is committed
/// with the change or not at all. Use cases do not call it: the data layer runs it before every save.
/// </summary>
public static class WebhookEvents
{
    public const string ApiPrefix = "/api/v1";

    public static string PreregistrationUrl(Guid id) => $"{ApiPrefix}/preregistrations/{id}";

    public static string CustomerUrl(int id) => $"{ApiPrefix}/customers/{id}";

    /// <summary>The events in the tracked changes (call after <c>DetectChanges</c>).</summary>
    public static List<WebhookEvent> Detect(ChangeTracker tracker, DateTime now)
    {
        var events = new List<WebhookEvent>();
        foreach (var entry in tracker.Entries())
        {
            switch (entry.Entity)
            {
                case Preregistration p when entry.State == EntityState.Added
                                            && p.Status is PreregistrationStatus.Preregistered or PreregistrationStatus.PendingReview:
                    events.Add(WebhookEvent.New(WebhookEventTypes.PreregistrationCreated, now, p.PartnerId, p.Id, PreregistrationUrl(p.Id)));
                    break;
                case Preregistration p when entry.State == EntityState.Modified && Changed(entry, nameof(Preregistration.Status)) is { } was:
                    var type = (PreregistrationStatus)was switch
                    {
                        PreregistrationStatus.PendingReview when p.Status == PreregistrationStatus.Preregistered => WebhookEventTypes.PreregistrationApproved,
                        _ when p.Status == PreregistrationStatus.Rejected => WebhookEventTypes.PreregistrationRejected,
                        _ when p.Status == PreregistrationStatus.Expired => WebhookEventTypes.PreregistrationExpired,
                        _ => null,
                    };
                    if (type is not null)
                    {
                        events.Add(WebhookEvent.New(type, now, p.PartnerId, p.Id, PreregistrationUrl(p.Id)));
                    }

                    break;
                case Invitation i when entry.State == EntityState.Modified:
                    var url = PreregistrationUrl(i.PreregistrationId) + "/invitations";
                    if (Changed(entry, nameof(Invitation.Delivery)) is not null && i.Delivery is DeliveryStatus.Sent or DeliveryStatus.Failed)
                    {
                        events.Add(WebhookEvent.New(i.Delivery == DeliveryStatus.Sent ? WebhookEventTypes.InvitationSent : WebhookEventTypes.InvitationFailed,
                            now, i.PartnerId, i.PreregistrationId, url));
                    }

                    if (Changed(entry, nameof(Invitation.OpenedAt)) is not null && i.OpenedAt is not null)
                    {
                        events.Add(WebhookEvent.New(WebhookEventTypes.InvitationOpened, now, i.PartnerId, i.PreregistrationId, url));
                    }

                    break;
                case AssociationAttempt a when entry.State == EntityState.Added && !a.Succeeded:
                    events.Add(WebhookEvent.New(WebhookEventTypes.AssociationFailed, now, a.PartnerId, a.PreregistrationId, PreregistrationUrl(a.PreregistrationId)));
                    break;
                case CustomerAccount c when entry.State == EntityState.Modified && c.AssociatedPartnerId is { } partnerId:
                    if (Changed(entry, nameof(CustomerAccount.AssociatedPartnerId)) is not null)
                    {
                        events.Add(WebhookEvent.New(WebhookEventTypes.CustomerAssociated, now, partnerId, c.Id, CustomerUrl(c.Id)));
                    }
                    else if (Changed(entry, nameof(CustomerAccount.IsFrozen)) is not null)
                    {
                        events.Add(WebhookEvent.New(c.IsFrozen ? WebhookEventTypes.CustomerFrozen : WebhookEventTypes.CustomerUnfrozen,
                            now, partnerId, c.Id, CustomerUrl(c.Id)));
                    }

                    break;
            }
        }

        return events;
    }

    /// <summary>Adds a delivery of each event to each of its partner's active endpoints that subscribed to it.</summary>
    public static async Task QueueAsync(DbContext db, IReadOnlyList<WebhookEvent> events, DateTime now, CancellationToken ct)
    {
        if (events.Count > 0)
        {
            Add(db, events, await Subscribers(db, events).ToListAsync(ct), now);
        }
    }

    /// <summary>The same as <see cref="QueueAsync"/> for a synchronous save.</summary>
    public static void Queue(DbContext db, IReadOnlyList<WebhookEvent> events, DateTime now)
    {
        if (events.Count > 0)
        {
            Add(db, events, [.. Subscribers(db, events)], now);
        }
    }

    /// <summary>The live endpoints of the partners the events belong to.</summary>
    private static IQueryable<WebhookEndpoint> Subscribers(DbContext db, IReadOnlyList<WebhookEvent> events)
    {
        var partners = events.Select(e => e.PartnerId).Distinct().ToList();
        return db.Set<WebhookEndpoint>().AsNoTracking().Where(w => partners.Contains(w.PartnerId) && w.DeletedAt == null);
    }

    /// <summary>One delivery per event and endpoint of its partner that wants its type.</summary>
    private static void Add(DbContext db, IReadOnlyList<WebhookEvent> events, List<WebhookEndpoint> endpoints, DateTime now)
    {
        foreach (var e in events)
        {
            foreach (var endpoint in endpoints.Where(w => w.PartnerId == e.PartnerId && w.Wants(e.Type)))
            {
                db.Set<WebhookDelivery>().Add(WebhookDelivery.For(endpoint, e, now));
            }
        }
    }

    /// <summary>The original value of a property that is about to change; null when it does not.</summary>
    private static object? Changed(EntityEntry entry, string property)
    {
        var p = entry.Property(property);
        return p.IsModified && !Equals(p.OriginalValue, p.CurrentValue) ? p.OriginalValue ?? "null" : null;
    }
}
