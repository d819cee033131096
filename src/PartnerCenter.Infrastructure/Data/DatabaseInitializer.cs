using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartnerCenter.Infrastructure.Seeding;

namespace PartnerCenter.Infrastructure.Data;

/// <summary>Migrates (SQLite always, SQL Server on request) and seeds demo data into an empty database.</summary>
public static class DatabaseInitializer
{
    /// <summary>Drops the database, migrates it afresh and seeds the demo data.</summary>
    public static async Task ReseedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.EnsureDeletedAsync(ct);
        }

        await InitializeAsync(services, forceMigrate: true, seed: true, ct);
    }

    public static async Task InitializeAsync(IServiceProvider services, bool forceMigrate, bool seed = false, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        if (db.Database.IsSqlite())
        {
            // WAL lets readers work while one writer commits; the setting is stored in the file.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }

        // Migrating takes the migrations lock and reads the history; a start with nothing to apply only reads it.
        if ((db.Database.IsSqlite() || options.MigrateOnStart || forceMigrate)
            && (forceMigrate || (await db.Database.GetPendingMigrationsAsync(ct)).Any()))
        {
            logger.LogInformation("Applying migrations for {Provider}", db.Database.ProviderName);
            await db.Database.MigrateAsync(ct);
        }

        // "--migrate" only migrates: demo data never lands in a production database by accident.
        if (((options.SeedDemoData && !forceMigrate) || seed) && !await db.Partners.AnyAsync(ct))
        {
            logger.LogInformation("Seeding demo data");
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
        }
    }
}
