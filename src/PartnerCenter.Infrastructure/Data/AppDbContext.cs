using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.ApiKeys;
using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Tickets;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Imports;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Mail;
using PartnerCenter.Core.Partners;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Core.Reviews;
using PartnerCenter.Core.Usage;
using PartnerCenter.Core.Webhooks;

namespace PartnerCenter.Infrastructure.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser>(options), IAppDb, IDataProtectionKeyContext
{
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<CustomerAccount> CustomerAccounts => Set<CustomerAccount>();
    public DbSet<Preregistration> Preregistrations => Set<Preregistration>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<InvitationEvent> InvitationEvents => Set<InvitationEvent>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<AssociationAttempt> AssociationAttempts => Set<AssociationAttempt>();
    public DbSet<BudgetAdjustment> BudgetAdjustments => Set<BudgetAdjustment>();
    public DbSet<UsageRecord> UsageRecords => Set<UsageRecord>();
    public DbSet<BudgetAlert> BudgetAlerts => Set<BudgetAlert>();
    public DbSet<ClaimReminder> ClaimReminders => Set<ClaimReminder>();
    public DbSet<ReviewDecision> ReviewDecisions => Set<ReviewDecision>();
    public DbSet<ReviewEscalation> ReviewEscalations => Set<ReviewEscalation>();
    public DbSet<OverdueDigest> OverdueDigests => Set<OverdueDigest>();
    public DbSet<BackgroundAssociationTicket> BackgroundAssociationTickets => Set<BackgroundAssociationTicket>();
    public DbSet<DisassociationRequest> DisassociationRequests => Set<DisassociationRequest>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<ImportRow> ImportRows => Set<ImportRow>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    /// <summary>Shared by every app instance, so cookies and tokens protected by one are read by another.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every stored time is UTC; say so on the way back out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
