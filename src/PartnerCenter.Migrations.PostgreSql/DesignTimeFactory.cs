using PartnerCenter.Infrastructure.Data;

namespace PartnerCenter.Migrations.PostgreSql;

/// <summary>Lets <c>dotnet ef</c> build the context for this provider without starting the web app.</summary>
public sealed class DesignTimeFactory() : DesignTimeContextFactory(DatabaseProviders.PostgreSql, "Host=localhost;Database=partnercenter;Username=partnercenter");
