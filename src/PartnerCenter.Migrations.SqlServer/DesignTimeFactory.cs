using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PartnerCenter.Infrastructure.Data;

namespace PartnerCenter.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef</c> build the context for this provider without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DataServiceCollectionExtensions.Configure(builder, DatabaseProviders.SqlServer, "Server=localhost;Database=PartnerCenter;Trusted_Connection=True;TrustServerCertificate=True");
        return new AppDbContext(builder.Options);
    }
}
