using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Infrastructure.Data;

public static class DataServiceCollectionExtensions
{
    public const string SqliteMigrationsAssembly = "PartnerCenter.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "PartnerCenter.Migrations.SqlServer";

    public static IServiceCollection AddPartnerCenterData(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.AddDbContext<AppDbContext>(builder => Configure(builder, options.Provider, ConnectionString(configuration, options.Provider)));
        services.AddScoped<IAppDb>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<UnitOfWork>();
        return services;
    }

    public static string ConnectionString(IConfiguration configuration, string provider) =>
        configuration.GetConnectionString(provider)
        ?? (provider == DatabaseProviders.Sqlite
            ? "Data Source=data/partnercenter.db"
            : throw new InvalidOperationException("ConnectionStrings:SqlServer is not set."));

    public static void Configure(DbContextOptionsBuilder builder, string provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProviders.Sqlite:
                EnsureSqliteFolder(connectionString);
                builder.UseSqlite(connectionString, o => o
                    .MigrationsAssembly(SqliteMigrationsAssembly)
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                break;
            case DatabaseProviders.SqlServer:
                builder.UseSqlServer(connectionString, o => o
                    .MigrationsAssembly(SqlServerMigrationsAssembly)
                    .EnableRetryOnFailure());
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}'; use Sqlite or SqlServer.");
        }
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder) && path != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
