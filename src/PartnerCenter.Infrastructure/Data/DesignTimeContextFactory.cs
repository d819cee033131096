using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PartnerCenter.Infrastructure.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build the context for one provider without starting the web app (no server is
/// contacted); each migrations project has one, naming its provider and a placeholder connection string.
/// </summary>
public abstract class DesignTimeContextFactory(string provider, string connectionString) : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DataServiceCollectionExtensions.Configure(builder, provider, connectionString);
        return new AppDbContext(builder.Options);
    }
}
