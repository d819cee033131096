using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace PartnerCenter.Bench;

/// <summary>
/// Writes the rows of one seeding step to one engine. The <see cref="Seeder"/> (one plan for both
/// engines) hands every row over as the values EF Core's SQLite provider writes (GUIDs as upper-case
/// TEXT, booleans as 0/1, UTC <see cref="DateTime"/>s); each writer stores them as its engine's EF
/// provider would.
/// </summary>
internal abstract class BulkWriter : IDisposable
{
    public abstract Bulk Table(string table, params string[] columns);

    public abstract void Dispose();
}

/// <summary>One table's insert stream of a <see cref="BulkWriter"/>.</summary>
internal abstract class Bulk
{
    public long Count { get; protected set; }

    public abstract void Row(params object?[] values);
}

/// <summary>
/// One transaction at a time (SQLite has no nested ones) shared by several prepared INSERTs,
/// committed every <see cref="RowsPerTransaction"/> rows: the fastest way to fill SQLite from .NET
/// without bypassing the real schema (its indexes and constraints stay on).
/// </summary>
internal sealed class SqliteBulkWriter : BulkWriter
{
    private const int RowsPerTransaction = 200_000;

    private readonly SqliteConnection connection;
    private readonly List<SqliteCommand> commands = [];
    private SqliteTransaction transaction;
    private int inTransaction;

    public SqliteBulkWriter(SqliteConnection connection)
    {
        this.connection = connection;
        transaction = connection.BeginTransaction();
    }

    public override Bulk Table(string table, params string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value))).ToArray();
        command.Prepare();
        commands.Add(command);
        return new SqliteBulk(this, command, parameters);
    }

    internal void Written()
    {
        if (++inTransaction < RowsPerTransaction)
        {
            return;
        }

        transaction.Commit();
        transaction.Dispose();
        transaction = connection.BeginTransaction();
        foreach (var command in commands)
        {
            command.Transaction = transaction;
        }

        inTransaction = 0;
    }

    public override void Dispose()
    {
        transaction.Commit();
        transaction.Dispose();
        foreach (var command in commands)
        {
            command.Dispose();
        }
    }

    private sealed class SqliteBulk(SqliteBulkWriter writer, SqliteCommand command, SqliteParameter[] parameters) : Bulk
    {
        public override void Row(params object?[] values)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
            Count++;
            writer.Written();
        }
    }
}

/// <summary>
/// PostgreSQL: one binary COPY per table, each on its own connection (a connection runs one COPY at a
/// time, and a step fills several tables row by row). <c>session_replication_role = replica</c> skips
/// the foreign-key triggers while the tables fill in parallel, as <c>foreign_keys=OFF</c> does for
/// SQLite; indexes and other constraints stay on. Each value is converted to the column's type in
/// the migrated schema (read from information_schema): uuid, boolean, timestamp with time zone
/// (UTC), numeric, bytea, integer, bigint, text.
/// </summary>
internal sealed class PostgresBulkWriter(string connectionString) : BulkWriter
{
    private readonly List<(NpgsqlConnection Connection, NpgsqlBinaryImporter Importer)> streams = [];

    public override Bulk Table(string table, params string[] columns)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var off = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            off.ExecuteNonQuery();
        }

        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var query = new NpgsqlCommand(
            "SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @t", connection))
        {
            query.Parameters.AddWithValue("t", table);
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                types[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var columnTypes = columns.Select(c => types.TryGetValue(c, out var t) ? t : throw new InvalidOperationException($"{table}.{c} is not in the schema")).ToArray();
        var importer = connection.BeginBinaryImport(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
        streams.Add((connection, importer));
        return new PostgresBulk(importer, columnTypes);
    }

    public override void Dispose()
    {
        foreach (var (connection, importer) in streams)
        {
            importer.Complete();
            importer.Dispose();
            connection.Dispose();
        }
    }

    private sealed class PostgresBulk(NpgsqlBinaryImporter importer, string[] types) : Bulk
    {
        public override void Row(params object?[] values)
        {
            importer.StartRow();
            for (var i = 0; i < types.Length; i++)
            {
                var value = values[i];
                if (value is null)
                {
                    importer.WriteNull();
                    continue;
                }

                switch (types[i])
                {
                    case "uuid":
                        importer.Write(value is Guid g ? g : Guid.Parse((string)value), NpgsqlDbType.Uuid);
                        break;
                    case "bool":
                        importer.Write(value is bool b ? b : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) != 0, NpgsqlDbType.Boolean);
                        break;
                    case "timestamptz":
                        importer.Write(value switch
                        {
                            DateTimeOffset o => o.UtcDateTime,
                            DateTime { Kind: DateTimeKind.Utc } d => d,
                            DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
                            _ => throw new InvalidOperationException($"not a time: {value}"),
                        }, NpgsqlDbType.TimestampTz);
                        break;
                    case "int4":
                        importer.Write(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Integer);
                        break;
                    case "int8":
                        importer.Write(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Bigint);
                        break;
                    case "numeric":
                        importer.Write(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Numeric);
                        break;
                    case "bytea":
                        importer.Write((byte[])value, NpgsqlDbType.Bytea);
                        break;
                    case "text" or "varchar":
                        importer.Write(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, NpgsqlDbType.Text);
                        break;
                    default:
                        throw new InvalidOperationException($"no conversion for column type {types[i]}");
                }
            }

            Count++;
        }
    }
}
