namespace PartnerCenter.Infrastructure.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default), <c>SqlServer</c> or <c>PostgreSql</c> (production).</summary>
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>Apply migrations at start. Always on for SQLite; for SQL Server and PostgreSQL use the documented command or <c>--migrate</c>.</summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>Seed the demo data into an empty database at start.</summary>
    public bool SeedDemoData { get; set; }
}

public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";
    public const string PostgreSql = "PostgreSql";
}
