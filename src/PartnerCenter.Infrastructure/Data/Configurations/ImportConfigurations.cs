using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnerCenter.Core.Imports;
using PartnerCenter.Core.Partners;

namespace PartnerCenter.Infrastructure.Data.Configurations;

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.Property(b => b.FileName).HasMaxLength(ImportBatch.FileNameMaxLength);
        builder.Property(b => b.UserId).HasMaxLength(450);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasOne<Partner>().WithMany().HasForeignKey(b => b.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Rows).WithOne().HasForeignKey(r => r.BatchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.PartnerId, b.CreatedAt });
    }
}

internal sealed class ImportRowConfiguration : IEntityTypeConfiguration<ImportRow>
{
    public void Configure(EntityTypeBuilder<ImportRow> builder)
    {
        builder.HasKey(r => new { r.BatchId, r.Number });
        builder.Property(r => r.Name).HasMaxLength(ImportRow.CellMaxLength);
        builder.Property(r => r.Email).HasMaxLength(ImportRow.CellMaxLength);
        builder.Property(r => r.Mobile).HasMaxLength(ImportRow.CellMaxLength);
        builder.Property(r => r.SendInvitationText).HasMaxLength(ImportRow.CellMaxLength);
        builder.Property(r => r.PlannedMessage).HasMaxLength(1000);
        builder.Property(r => r.FinalMessage).HasMaxLength(1000);
        builder.Property(r => r.Field).HasMaxLength(64);
        builder.Ignore(r => r.IsApplied);
        builder.Ignore(r => r.IsSubmitted);
    }
}
