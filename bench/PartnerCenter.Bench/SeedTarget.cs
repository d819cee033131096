using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using PartnerCenter.Infrastructure.Data;

namespace PartnerCenter.Bench;

/// <summary>The engine a seed writes to: the schema is the app's own migrations for that provider, only the writing differs.</summary>
internal abstract class SeedTarget : IDisposable
{
    /// <summary>The app's provider name (<see cref="DatabaseProviders"/>), for DataServiceCollectionExtensions.Configure.</summary>
    public abstract string Provider { get; }

    /// <summary>The connection string the migrations run with.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>Removes whatever an earlier seed left (before the migrations run).</summary>
    public abstract Task ResetAsync();

    /// <summary>Opens the bulk session after the migrations ran.</summary>
    public abstract Task OpenAsync();

    public abstract BulkWriter Writer();

    /// <summary>After the last row: checkpoint (SQLite) or identity sequences and statistics (PostgreSQL).</summary>
    public abstract Task FinishAsync();

    public abstract Task<long> CountAsync(string table);

    public abstract Task<string> SizeAsync();

    public abstract void Dispose();
}

internal sealed class SqliteTarget(string dbPath) : SeedTarget
{
    private SqliteConnection? connection;

    public override string Provider => DatabaseProviders.Sqlite;

    public override string ConnectionString => $"Data Source={dbPath}";

    public override Task ResetAsync()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(dbPath + suffix);
        }

        return Task.CompletedTask;
    }

    public override async Task OpenAsync()
    {
        SqliteConnection.ClearAllPools();
        connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false }.ToString());
        await connection.OpenAsync();
        foreach (var pragma in new[] { "journal_mode=WAL", "synchronous=OFF", "foreign_keys=OFF", "cache_size=-400000", "temp_store=MEMORY" })
        {
            Execute($"PRAGMA {pragma};");
        }
    }

    public override BulkWriter Writer() => new SqliteBulkWriter(connection!);

    public override Task FinishAsync()
    {
        Execute("PRAGMA wal_checkpoint(TRUNCATE);");
        return Task.CompletedTask;
    }

    public override async Task<long> CountAsync(string table)
    {
        using var count = connection!.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public override Task<string> SizeAsync() =>
        Task.FromResult(string.Create(CultureInfo.InvariantCulture, $"{new FileInfo(dbPath).Length / 1048576.0:F0} MB"));

    public override void Dispose() => connection?.Dispose();

    private void Execute(string sql)
    {
        using var command = connection!.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

internal sealed class PostgresTarget(string connectionString) : SeedTarget
{
    public override string Provider => DatabaseProviders.PostgreSql;

    public override string ConnectionString => connectionString;

    /// <summary>A fresh public schema: the migrations then create everything, their history table included.</summary>
    public override Task ResetAsync() => ExecuteAsync("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");

    public override Task OpenAsync()
    {
        NpgsqlConnection.ClearAllPools();
        return Task.CompletedTask;
    }

    public override BulkWriter Writer() => new PostgresBulkWriter(connectionString);

    /// <summary>
    /// Rows were written with explicit ids where EF would let the identity column choose (Partners), so
    /// every identity sequence moves past its table's largest id; then VACUUM ANALYZE, so the planner has
    /// statistics and the visibility map is set before the first request (autovacuum would get there later).
    /// </summary>
    public override async Task FinishAsync()
    {
        var identities = new List<(string Table, string Column)>();
        await using (var connection = await OpenConnectionAsync())
        await using (var query = new NpgsqlCommand(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'", connection))
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                identities.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (table, column) in identities)
        {
            await ExecuteAsync($"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE(MAX(\"{column}\"), 0) + 1, false) FROM \"{table}\"");
        }

        await ExecuteAsync("VACUUM ANALYZE");
    }

    public override async Task<long> CountAsync(string table)
    {
        await using var connection = await OpenConnectionAsync();
        await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table}\"", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public override async Task<string> SizeAsync()
    {
        await using var connection = await OpenConnectionAsync();
        await using var size = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        var bytes = (long)(await size.ExecuteScalarAsync())!;
        return string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F0} MB");
    }

    public override void Dispose()
    {
    }

    private async Task<NpgsqlConnection> OpenConnectionAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
