using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.ApiKeys;
using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Tickets;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Imports;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Mail;
using PartnerCenter.Core.Partners;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Core.Reviews;
using PartnerCenter.Core.Usage;
using PartnerCenter.Core.Webhooks;

namespace PartnerCenter.Core.Common;

/// <summary>The persistence the use cases write through; implemented by the EF Core context.</summary>
public interface IAppDb
{
    DbSet<Partner> Partners { get; }
    DbSet<AppUser> Users { get; }
    DbSet<IdentityRole> Roles { get; }
    DbSet<IdentityUserRole<string>> UserRoles { get; }
    DbSet<CustomerAccount> CustomerAccounts { get; }
    DbSet<Preregistration> Preregistrations { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<Invitation> Invitations { get; }
    DbSet<InvitationEvent> InvitationEvents { get; }
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<AssociationAttempt> AssociationAttempts { get; }
    DbSet<BudgetAdjustment> BudgetAdjustments { get; }
    DbSet<UsageRecord> UsageRecords { get; }
    DbSet<BudgetAlert> BudgetAlerts { get; }
    DbSet<ClaimReminder> ClaimReminders { get; }
    DbSet<ReviewDecision> ReviewDecisions { get; }
    DbSet<ReviewEscalation> ReviewEscalations { get; }
    DbSet<OverdueDigest> OverdueDigests { get; }
    DbSet<BackgroundAssociationTicket> BackgroundAssociationTickets { get; }
    DbSet<DisassociationRequest> DisassociationRequests { get; }
    DbSet<ApiKey> ApiKeys { get; }
    DbSet<IdempotencyRecord> IdempotencyRecords { get; }
    DbSet<ImportBatch> ImportBatches { get; }
    DbSet<ImportRow> ImportRows { get; }
    DbSet<WebhookEndpoint> WebhookEndpoints { get; }
    DbSet<WebhookDelivery> WebhookDeliveries { get; }
    DbSet<WebhookAttempt> WebhookAttempts { get; }
    DatabaseFacade Database { get; }
    ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
