using Microsoft.Data.Sqlite;

namespace PartnerCenter.Infrastructure.Data;

/// <summary>
/// SQLite's online backup API: copies a consistent snapshot page by page while the app keeps
/// running (readers and writers wait only for short moments), and restores the same way.
/// </summary>
public static class SqliteBackup
{
    public static void Backup(string connectionString, string destinationPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(destinationPath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var source = new SqliteConnection(connectionString);
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destinationPath, Pooling = false }.ToString());
        source.Open();
        destination.Open();
        source.BackupDatabase(destination);
    }

    public static void Restore(string backupPath, string connectionString)
    {
        if (!File.Exists(backupPath))
        {
            throw new FileNotFoundException("No backup at that path.", backupPath);
        }

        using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backupPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        using var destination = new SqliteConnection(connectionString);
        source.Open();
        destination.Open();
        source.BackupDatabase(destination);
    }
}
