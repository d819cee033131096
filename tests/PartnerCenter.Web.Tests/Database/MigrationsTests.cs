using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PartnerCenter.Infrastructure.Data;

namespace PartnerCenter.Web.Tests.Database;

/// <summary>Every provider's migrations match the model; SQLite's really apply, SQL Server's and PostgreSQL's scripts generate.</summary>
public sealed class MigrationsTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "partnercenter-tests", $"migrations-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Sqlite_migrations_create_every_table_of_the_model_in_an_empty_file()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var db = CreateContext(DatabaseProviders.Sqlite, $"Data Source={path}");

        await db.Database.MigrateAsync();

        var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();
        var modelTables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
        Assert.Contains("Partners", modelTables);
        Assert.All(modelTables, table => Assert.Contains(table, tables));
        Assert.Contains("__EFMigrationsHistory", tables);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task PostgreSql_migrations_create_every_table_of_the_model_in_an_empty_database()
    {
        var connectionString = PostgresServer.NewDatabase();
        try
        {
            await using var db = CreateContext(DatabaseProviders.PostgreSql, connectionString);

            await db.Database.MigrateAsync();

            var tables = await db.Database.SqlQueryRaw<string>(
                "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync();
            var modelTables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
            Assert.All(modelTables, table => Assert.Contains(table, tables));
            Assert.Contains("__EFMigrationsHistory", tables);
            var openClaim = await db.Database.SqlQueryRaw<string>(
                "SELECT indexdef AS \"Value\" FROM pg_indexes WHERE indexname = 'IX_Preregistrations_OpenClaim'").SingleAsync();
            Assert.Contains("UNIQUE", openClaim, StringComparison.Ordinal);
            Assert.Contains("WHERE (\"Status\" = ANY (ARRAY[1, 2, 8, 9]))", openClaim, StringComparison.Ordinal);
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public void Sqlite_has_no_pending_model_change()
    {
        using var db = new PartnerCenter.Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);

        Assert.True(db.Database.IsSqlite());
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts to add a SQLite migration: the model changed.");
    }

    [Fact]
    public void Sql_server_has_no_pending_model_change()
    {
        using var db = new PartnerCenter.Migrations.SqlServer.DesignTimeFactory().CreateDbContext([]);

        Assert.True(db.Database.IsSqlServer());
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts to add a SQL Server migration: the model changed.");
    }

    [Fact]
    public void PostgreSql_has_no_pending_model_change()
    {
        using var db = new PartnerCenter.Migrations.PostgreSql.DesignTimeFactory().CreateDbContext([]);

        Assert.True(db.Database.IsNpgsql());
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the model changed and PostgreSQL has no migration for it.");
    }

    [Fact]
    public void PostgreSql_idempotent_script_generates_and_creates_every_table_and_the_open_claim_index()
    {
        using var db = new PartnerCenter.Migrations.PostgreSql.DesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
        {
            Assert.Contains($"CREATE TABLE \"{table}\"", script, StringComparison.Ordinal);
        }

        Assert.Contains("CREATE UNIQUE INDEX \"IX_Preregistrations_OpenClaim\" ON \"Preregistrations\" (\"CustomerEmail\") WHERE \"Status\" IN (1, 2, 8, 9)", script, StringComparison.Ordinal);
        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"'{migration}'", script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Sql_server_idempotent_script_generates_and_creates_every_table()
    {
        using var db = new PartnerCenter.Migrations.SqlServer.DesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }

        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"N'{migration}'", script, StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static AppDbContext CreateContext(string provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DataServiceCollectionExtensions.Configure(builder, provider, connectionString);
        return new AppDbContext(builder.Options);
    }
}
