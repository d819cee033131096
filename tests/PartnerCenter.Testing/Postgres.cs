using System.Diagnostics;
using System.Reflection;
using Npgsql;
using PartnerCenter.Infrastructure.Data;

namespace PartnerCenter.Testing;

/// <summary>The engine a suite runs on: the embedded default, or the PostgreSQL server test.sh starts.</summary>
public enum DatabaseEngine
{
    Sqlite = 1,
    PostgreSql = 2,
}

/// <summary><c>[Theory, AllEngines]</c>: the test runs once per engine, the engine its only argument.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AllEnginesAttribute : Xunit.Sdk.DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[DatabaseEngine.Sqlite], [DatabaseEngine.PostgreSql]];
}

public static class Engines
{
    /// <summary>The value of <c>Database:Provider</c> for the engine.</summary>
    public static string Provider(this DatabaseEngine engine) =>
        engine == DatabaseEngine.PostgreSql ? DatabaseProviders.PostgreSql : DatabaseProviders.Sqlite;
}

/// <summary>
/// The PostgreSQL server of the test run: <c>PC_TEST_POSTGRES</c>, which <c>./test.sh</c> exports after
/// starting a throwaway cluster (<c>scripts/postgres.sh</c>). Each app gets a database of its own on
/// it, named uniquely and dropped when the app goes. Without the variable a PostgreSQL test fails
/// (never skips) and says how to start the server.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "PC_TEST_POSTGRES";

    /// <summary>The server's connection string (to its maintenance database).</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"This test runs on PostgreSQL and {Variable} is not set. Start the throwaway server and run again: " +
                "eval \"$(scripts/postgres.sh env)\" && dotnet test ... (./test.sh does this itself; scripts/postgres.sh stop ends it).");

    /// <summary>A connection string to a new database name on <paramref name="server"/> (created by the app's migrations).</summary>
    public static string NewDatabase(string? server = null, string prefix = "pc_test")
    {
        var builder = new NpgsqlConnectionStringBuilder(server ?? ConnectionString)
        {
            Database = $"{prefix}_{Guid.NewGuid():N}",
        };
        return builder.ConnectionString;
    }

    /// <summary>Drops the database of <paramref name="connectionString"/>, ending its sessions first.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        ClearPools(connectionString);
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (NpgsqlException)
        {
            return; // The server is gone (a cluster a test stopped): nothing to drop.
        }

        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Closes the idle pooled connections of the app's form of the string and of the test's.</summary>
    public static void ClearPools(string connectionString)
    {
        foreach (var form in new[] { connectionString, DataServiceCollectionExtensions.PostgreSqlConnectionString(connectionString) })
        {
            using var connection = new NpgsqlConnection(form);
            NpgsqlConnection.ClearPool(connection);
        }
    }
}

/// <summary>
/// A PostgreSQL cluster of one test's own (<c>scripts/postgres.sh</c> in a folder of its own), for
/// the tests that stop or restart the server: the run's shared server keeps serving the others.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string folder;

    private PostgresCluster(string folder, string connectionString)
    {
        this.folder = folder;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresCluster> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"partnercenter-pg-{Guid.NewGuid():N}");
        var output = await RunAsync(folder, "start");
        return new PostgresCluster(folder, output.Trim());
    }

    /// <summary>Stops the server (fast shutdown: sessions are cut), keeping its data.</summary>
    public Task PauseAsync() => RunAsync(folder, "pause");

    public Task ResumeAsync() => RunAsync(folder, "resume");

    /// <summary>pg_ctl restart: every session is cut, the server is back within a second or two.</summary>
    public Task RestartAsync() => RunAsync(folder, "restart");

    public async ValueTask DisposeAsync() => await RunAsync(folder, "stop");

    private static async Task<string> RunAsync(string folder, string command)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppProcess.RepositoryRoot, "scripts", "postgres.sh"));
        info.ArgumentList.Add(command);
        info.Environment["PC_POSTGRES_DIR"] = folder;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgres.sh {command} failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }
}
