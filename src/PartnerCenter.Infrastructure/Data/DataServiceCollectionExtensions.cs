using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PartnerCenter.Infrastructure.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Infrastructure.Data;

public static class DataServiceCollectionExtensions
{
    public const string SqliteMigrationsAssembly = "PartnerCenter.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "PartnerCenter.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "PartnerCenter.Migrations.PostgreSql";

    /// <summary>
    /// Connections one app instance keeps to PostgreSQL when the connection string does not say
    /// (<c>Maximum Pool Size</c>). Instances x pool must stay below the server's <c>max_connections</c>
    /// (100 by default): three instances at 30 leave room for backups, psql and the migrator.
    /// </summary>
    public const int DefaultPostgreSqlPoolSize = 30;

    /// <summary>
    /// Retries of a transient failure (serialization, deadlock, connection reset, server restarting)
    /// on the server engines. Short on purpose: a web request gives up after a few seconds and
    /// answers the friendly 503 instead of hanging for half a minute.
    /// </summary>
    public const int MaxRetryCount = 5;

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);

    public static IServiceCollection AddPartnerCenterData(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        // The options are built once for the app (not per request: the connection string, the SQLite folder and the
        // provider's extensions do not change); each request still gets a context of its own.
        services.AddDbContext<AppDbContext>((sp, builder) =>
        {
            Configure(builder, options.Provider, ConnectionString(configuration, options.Provider));
            builder.AddInterceptors(new WebhookEventInterceptor(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        }, ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddScoped<IAppDb>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<UnitOfWork>();
        services.AddSingleton(new WriteGate(serialize: options.Provider == DatabaseProviders.Sqlite));
        services.AddSingleton<PortalMetrics>();
        return services;
    }

    public static string ConnectionString(IConfiguration configuration, string provider) =>
        configuration.GetConnectionString(provider)
        ?? (provider == DatabaseProviders.Sqlite
            ? "Data Source=data/partnercenter.db"
            : throw new InvalidOperationException($"ConnectionStrings:{provider} is not set."));

    public static void Configure(DbContextOptionsBuilder builder, string provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProviders.Sqlite:
                EnsureSqliteFolder(connectionString);
                builder.UseSqlite(connectionString, o => o
                    .MigrationsAssembly(SqliteMigrationsAssembly)
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                    .AddInterceptors(SqliteBusyTimeout.Instance);
                break;
            case DatabaseProviders.SqlServer:
                builder.UseSqlServer(connectionString, o => o
                    .MigrationsAssembly(SqlServerMigrationsAssembly)
                    .EnableRetryOnFailure(MaxRetryCount, MaxRetryDelay, null));
                break;
            case DatabaseProviders.PostgreSql:
                // Quoted PascalCase names (EF's default), as on the other providers: one filter text
                // ("Status" IN (1, 2)) serves all three.
                builder.UseNpgsql(PostgreSqlConnectionString(connectionString), o => o
                    .MigrationsAssembly(PostgreSqlMigrationsAssembly)
                    .EnableRetryOnFailure(MaxRetryCount, MaxRetryDelay, null));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}'; use Sqlite, SqlServer or PostgreSql.");
        }
    }

    /// <summary>The connection string with the pool capped at <see cref="DefaultPostgreSqlPoolSize"/> unless it sets its own.</summary>
    public static string PostgreSqlConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase) &&
            !connectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = DefaultPostgreSqlPoolSize;
        }

        return builder.ConnectionString;
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
