using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Partners;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Core.Usage;

namespace PartnerCenter.Infrastructure.Data.Configurations;

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(Partner.NameMaxLength);
        builder.Property(p => p.BusinessCountries).HasMaxLength(256);
        builder.Property(p => p.ReservedEmail).HasMaxLength(254);
        builder.Property(p => p.ReservedMobile).HasMaxLength(32);
        builder.Property(p => p.EcosystemManagerId).HasMaxLength(450);
        builder.Property(p => p.TimeZoneId).HasMaxLength(TimeZones.IdMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.EcosystemManagerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => p.EcosystemManagerId);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength);
        builder.Property(u => u.TimeZoneId).HasMaxLength(TimeZones.IdMaxLength);
        builder.Property(u => u.Language).HasMaxLength(Languages.NameMaxLength);
        builder.HasOne<Partner>().WithMany().HasForeignKey(u => u.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CustomerAccount>().WithMany().HasForeignKey(u => u.CustomerAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.PartnerId);
    }
}

internal sealed class CustomerAccountConfiguration : IEntityTypeConfiguration<CustomerAccount>
{
    public void Configure(EntityTypeBuilder<CustomerAccount> builder)
    {
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.HasIndex(c => c.Email).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(128);
        builder.Property(c => c.CountryCode).HasMaxLength(2);
        builder.HasOne<Partner>().WithMany().HasForeignKey(c => c.AssociatedPartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.AssociatedPartnerId, c.AssociatedAt });
        builder.Property(c => c.BudgetAmount).HasPrecision(18, 2);

        // Sales > Customers at 20,000 customers for one partner: name prefix search and the frozen filter per partner.
        builder.HasIndex(c => new { c.AssociatedPartnerId, c.Name });
        builder.HasIndex(c => new { c.AssociatedPartnerId, c.IsFrozen, c.AssociatedAt });
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class PreregistrationConfiguration : IEntityTypeConfiguration<Preregistration>
{
    public void Configure(EntityTypeBuilder<Preregistration> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.CustomerEmail).HasMaxLength(254);
        builder.Property(p => p.CustomerLanguage).HasMaxLength(Languages.NameMaxLength).HasDefaultValue(Languages.English);
        builder.Property(p => p.CustomerName).HasMaxLength(Preregistration.NameMaxLength);
        builder.Property(p => p.MobileE164).HasMaxLength(32);
        builder.Property(p => p.MobileRegion).HasMaxLength(2);
        builder.Property(p => p.CreatedByUserId).HasMaxLength(450);
        builder.Property(p => p.RejectionReason).HasMaxLength(Preregistration.RejectionReasonMaxLength);
        builder.Property(p => p.ReturnComment).HasMaxLength(Preregistration.ReturnCommentMaxLength);
        builder.Property(p => p.ExtensionReason).HasMaxLength(Preregistration.RejectionReasonMaxLength);
        builder.Property(p => p.ExtensionDeclineReason).HasMaxLength(Preregistration.RejectionReasonMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Partner>().WithMany().HasForeignKey(p => p.PartnerId).OnDelete(DeleteBehavior.Restrict);

        // The database, not a check-then-insert, guarantees one open claim per customer:
        // at most one row per email in Pending review (1), Preregistered (2), Action required (8) or Extension requested (9):
        // Preregistration.OpenStatuses (a test checks the two agree).
        builder.HasIndex(p => p.CustomerEmail)
            .IsUnique()
            .HasFilter(OpenStatusFilter)
            .HasDatabaseName("IX_Preregistrations_OpenClaim");

        // The working list: a partner's rows newest first, optionally by status.
        builder.HasIndex(p => new { p.PartnerId, p.CreatedAt });
        builder.HasIndex(p => new { p.PartnerId, p.Status, p.CreatedAt });
        builder.HasIndex(p => new { p.PartnerId, p.CustomerEmail });
        builder.HasIndex(p => new { p.Status, p.ExpiresAt });

        // And the list's order, an expression index EF Core cannot model: see PreregistrationListIndex.
    }

    // Both providers read this filter: quoted identifiers are standard SQL (SQL Server's QUOTED_IDENTIFIER is on).
    public const string OpenStatusFilter = "\"Status\" IN (1, 2, 8, 9)";
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.EntityType).HasMaxLength(64);
        builder.Property(a => a.EntityId).HasMaxLength(64);
        builder.Property(a => a.ActorUserId).HasMaxLength(450);
        builder.HasIndex(a => new { a.EntityType, a.EntityId, a.At });
        builder.HasIndex(a => new { a.PartnerId, a.At });
    }
}

internal sealed class UsageRecordConfiguration : IEntityTypeConfiguration<UsageRecord>
{
    public void Configure(EntityTypeBuilder<UsageRecord> builder)
    {
        builder.Property(r => r.ExternalId).HasMaxLength(UsageRecord.IdMaxLength);

        // Idempotency by the platform's id is the database's job: a concurrent replay hits this index.
        builder.HasIndex(r => r.ExternalId).IsUnique();
        builder.Property(r => r.Amount).HasPrecision(18, UsageRecord.MaxDecimals);
        builder.HasOne<CustomerAccount>().WithMany().HasForeignKey(r => r.CustomerAccountId).OnDelete(DeleteBehavior.Restrict);

        // Used: one customer's spend since the period began.
        builder.HasIndex(r => new { r.CustomerAccountId, r.OccurredAt });
    }
}

internal sealed class BudgetAlertConfiguration : IEntityTypeConfiguration<BudgetAlert>
{
    public void Configure(EntityTypeBuilder<BudgetAlert> builder)
    {
        builder.Property(a => a.Used).HasPrecision(18, UsageRecord.MaxDecimals);
        builder.Property(a => a.Budget).HasPrecision(18, 2);
        builder.HasOne<CustomerAccount>().WithMany().HasForeignKey(a => a.CustomerAccountId).OnDelete(DeleteBehavior.Restrict);

        // Each threshold once per account and window, whichever instance gets there first.
        builder.HasIndex(a => new { a.CustomerAccountId, a.WindowStart, a.Level }).IsUnique();
    }
}

internal sealed class ClaimReminderConfiguration : IEntityTypeConfiguration<ClaimReminder>
{
    public void Configure(EntityTypeBuilder<ClaimReminder> builder)
    {
        builder.HasOne<Preregistration>().WithMany().HasForeignKey(r => r.PreregistrationId).OnDelete(DeleteBehavior.Restrict);

        // Each reminder once per claim and threshold, whichever instance gets there first.
        builder.HasIndex(r => new { r.PreregistrationId, r.DaysBefore }).IsUnique();
    }
}
