using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnerCenter.Core.Partners;
using PartnerCenter.Core.Webhooks;

namespace PartnerCenter.Infrastructure.Data.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.Property(w => w.Url).HasMaxLength(WebhookEndpoint.UrlMaxLength);
        builder.Property(w => w.Events).HasMaxLength(512);
        builder.Property(w => w.ProtectedSecret).HasMaxLength(1024);
        builder.Property(w => w.PreviousProtectedSecret).HasMaxLength(1024);
        builder.Property(w => w.CreatedByUserId).HasMaxLength(450);
        builder.Property(w => w.DeletedByUserId).HasMaxLength(450);
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.Ignore(w => w.EventList);
        builder.Ignore(w => w.IsActive);
        builder.HasOne<Partner>().WithMany().HasForeignKey(w => w.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => w.PartnerId);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.Property(d => d.Type).HasMaxLength(64);
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.Property(d => d.LeaseOwner).HasMaxLength(100);
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => new { d.EndpointId, d.CreatedAt });
    }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> builder)
    {
        builder.Property(a => a.Error).HasMaxLength(1000);
        builder.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.DeliveryId);
    }
}
