using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Mail;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Infrastructure.Data.Configurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.TokenHash).HasMaxLength(32);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.Property(i => i.LastError).HasMaxLength(1000);
        builder.Property(i => i.DeclineReason).HasMaxLength(Invitation.DeclineReasonMaxLength);
        builder.Property(i => i.CreatedByUserId).HasMaxLength(450);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne<Preregistration>().WithMany().HasForeignKey(i => i.PreregistrationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.PreregistrationId, i.CreatedAt });

        // The ecosystem manager's dashboard: a partner's invitations of the last 30 days.
        builder.HasIndex(i => new { i.PartnerId, i.CreatedAt });
    }
}

internal sealed class InvitationEventConfiguration : IEntityTypeConfiguration<InvitationEvent>
{
    public void Configure(EntityTypeBuilder<InvitationEvent> builder)
    {
        builder.Property(e => e.Detail).HasMaxLength(1000);
        builder.HasOne<Invitation>().WithMany().HasForeignKey(e => e.InvitationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.PreregistrationId, e.Id });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.To).HasMaxLength(254);
        builder.Property(m => m.Subject).HasMaxLength(256);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.LeaseOwner).HasMaxLength(64);
        builder.HasOne<Invitation>().WithMany().HasForeignKey(m => m.InvitationId).OnDelete(DeleteBehavior.Restrict);

        // The dispatcher's claim: due pending messages in order.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
