using PartnerCenter.Core.Auditing;

namespace PartnerCenter.Web.Features.Audit;

public static class AuditFeature
{
    /// <summary>The audit log every use case writes to, and the read-only trail.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services) =>
        services.AddUseCases(typeof(AuditLog), typeof(AuditQueries));
}
