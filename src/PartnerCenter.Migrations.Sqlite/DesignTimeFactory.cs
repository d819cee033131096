using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PartnerCenter.Infrastructure.Data;

namespace PartnerCenter.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the context for this provider without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DataServiceCollectionExtensions.Configure(builder, DatabaseProviders.Sqlite, "Data Source=design-time.db");
        return new AppDbContext(builder.Options);
    }
}
