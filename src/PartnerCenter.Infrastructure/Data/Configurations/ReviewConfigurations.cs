using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Core.Reviews;

namespace PartnerCenter.Infrastructure.Data.Configurations;

internal sealed class ReviewDecisionConfiguration : IEntityTypeConfiguration<ReviewDecision>
{
    public void Configure(EntityTypeBuilder<ReviewDecision> builder)
    {
        builder.HasOne<Preregistration>().WithMany().HasForeignKey(d => d.PreregistrationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.DecidedByUserId).HasMaxLength(450);

        // The dashboard's share decided within target: a manager's partners' decisions of the last 30 days.
        builder.HasIndex(d => new { d.PartnerId, d.DecidedAt });
    }
}

internal sealed class ReviewEscalationConfiguration : IEntityTypeConfiguration<ReviewEscalation>
{
    public void Configure(EntityTypeBuilder<ReviewEscalation> builder)
    {
        builder.HasOne<Preregistration>().WithMany().HasForeignKey(e => e.PreregistrationId).OnDelete(DeleteBehavior.Restrict);

        // One escalation per review round (record and target), whichever instance gets there first.
        builder.HasIndex(e => new { e.PreregistrationId, e.DueAt }).IsUnique();
    }
}

internal sealed class OverdueDigestConfiguration : IEntityTypeConfiguration<OverdueDigest>
{
    public void Configure(EntityTypeBuilder<OverdueDigest> builder)
    {
        builder.Property(d => d.ManagerId).HasMaxLength(450);

        // One digest per ecosystem manager and calendar day, whichever instance gets there first.
        builder.HasIndex(d => new { d.ManagerId, d.Day }).IsUnique();
    }
}
