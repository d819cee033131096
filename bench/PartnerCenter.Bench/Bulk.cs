using Microsoft.Data.Sqlite;

namespace PartnerCenter.Bench;

/// <summary>
/// One transaction at a time (SQLite has no nested ones) shared by several prepared INSERTs,
/// committed every <see cref="RowsPerTransaction"/> rows: the fastest way to fill SQLite from .NET
/// without bypassing the real schema (its indexes and constraints stay on).
/// </summary>
internal sealed class BulkWriter : IDisposable
{
    private const int RowsPerTransaction = 200_000;

    private readonly SqliteConnection connection;
    private readonly List<SqliteCommand> commands = [];
    private SqliteTransaction transaction;
    private int inTransaction;

    public BulkWriter(SqliteConnection connection)
    {
        this.connection = connection;
        transaction = connection.BeginTransaction();
    }

    public Bulk Table(string table, params string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value))).ToArray();
        command.Prepare();
        commands.Add(command);
        return new Bulk(this, command, parameters);
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

    public void Dispose()
    {
        transaction.Commit();
        transaction.Dispose();
        foreach (var command in commands)
        {
            command.Dispose();
        }
    }
}

/// <summary>One prepared INSERT of a <see cref="BulkWriter"/>.</summary>
internal sealed class Bulk(BulkWriter writer, SqliteCommand command, SqliteParameter[] parameters)
{
    public long Count { get; private set; }

    public void Row(params object?[] values)
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
