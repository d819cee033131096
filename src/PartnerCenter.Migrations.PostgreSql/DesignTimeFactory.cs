using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PartnerCenter.Infrastructure.Data;

namespace PartnerCenter.Migrations.PostgreSql;

/// <summary>Lets <c>dotnet ef</c> build the context for this provider without starting the web app (no server is contacted).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DataServiceCollectionExtensions.Configure(builder, DatabaseProviders.PostgreSql, "Host=localhost;Database=partnercenter;Username=partnercenter");
        return new AppDbContext(builder.Options);
    }
}
