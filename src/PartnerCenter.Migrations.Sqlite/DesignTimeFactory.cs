using PartnerCenter.Infrastructure.Data;

namespace PartnerCenter.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the context for this provider without starting the web app.</summary>
public sealed class DesignTimeFactory() : DesignTimeContextFactory(DatabaseProviders.Sqlite, "Data Source=design-time.db");
