using PartnerCenter.Infrastructure.Data;

namespace PartnerCenter.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef</c> build the context for this provider without starting the web app.</summary>
public sealed class DesignTimeFactory() : DesignTimeContextFactory(DatabaseProviders.SqlServer, "Server=localhost;Database=PartnerCenter;Trusted_Connection=True;TrustServerCertificate=True");
