using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Tickets;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Partners;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Infrastructure.Data.Configurations;

internal sealed class AssociationAttemptConfiguration : IEntityTypeConfiguration<AssociationAttempt>
{
    public void Configure(EntityTypeBuilder<AssociationAttempt> builder)
    {
        builder.Property(a => a.CustomerName).HasMaxLength(Preregistration.NameMaxLength);
        builder.Property(a => a.CustomerEmail).HasMaxLength(254);
        builder.Property(a => a.Cause).HasMaxLength(500);
        builder.Property(a => a.SuggestedOperation).HasMaxLength(200);
        builder.Property(a => a.EndReason).HasMaxLength(DisassociationRequest.ReasonMaxLength);
        builder.HasOne<Partner>().WithMany().HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.PartnerId, a.At });
    }
}

internal sealed class BudgetAdjustmentConfiguration : IEntityTypeConfiguration<BudgetAdjustment>
{
    public void Configure(EntityTypeBuilder<BudgetAdjustment> builder)
    {
        builder.Property(b => b.Before).HasMaxLength(200);
        builder.Property(b => b.After).HasMaxLength(200);
        builder.Property(b => b.Reason).HasMaxLength(256);
        builder.Property(b => b.ActorUserId).HasMaxLength(450);
        builder.HasOne<CustomerAccount>().WithMany().HasForeignKey(b => b.CustomerAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.CustomerAccountId, b.Id });
    }
}

internal sealed class BackgroundAssociationTicketConfiguration : IEntityTypeConfiguration<BackgroundAssociationTicket>
{
    public void Configure(EntityTypeBuilder<BackgroundAssociationTicket> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Reason).HasMaxLength(BackgroundAssociationTicket.ReasonMaxLength);
        builder.Property(t => t.Contact).HasMaxLength(200);
        builder.Property(t => t.DeclineReason).HasMaxLength(BackgroundAssociationTicket.ReasonMaxLength);
        builder.Property(t => t.CreatedByUserId).HasMaxLength(450);
        builder.Property(t => t.DecidedByUserId).HasMaxLength(450);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<Preregistration>().WithMany().HasForeignKey(t => t.PreregistrationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.Status, t.CreatedAt });
        builder.HasIndex(t => t.PreregistrationId);
    }
}

internal sealed class DisassociationRequestConfiguration : IEntityTypeConfiguration<DisassociationRequest>
{
    public void Configure(EntityTypeBuilder<DisassociationRequest> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Reason).HasMaxLength(DisassociationRequest.ReasonMaxLength);
        builder.Property(r => r.DeclineReason).HasMaxLength(DisassociationRequest.ReasonMaxLength);
        builder.Property(r => r.RequestedByUserId).HasMaxLength(450);
        builder.Property(r => r.DecidedByUserId).HasMaxLength(450);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.DueAt);
        builder.HasOne<CustomerAccount>().WithMany().HasForeignKey(r => r.CustomerAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partner>().WithMany().HasForeignKey(r => r.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PartnerId, r.Status, r.RequestedAt });

        // One pending request per account, also under concurrency.
        builder.HasIndex(r => r.CustomerAccountId).IsUnique().HasFilter("\"Status\" = 1").HasDatabaseName("IX_DisassociationRequests_OnePending");
        builder.HasIndex(r => new { r.CustomerAccountId, r.RequestedAt });
    }
}
