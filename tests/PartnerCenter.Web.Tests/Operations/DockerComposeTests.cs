using System.Diagnostics;

namespace PartnerCenter.Web.Tests.Operations;

/// <summary>docker-compose.yml (SQL Server) and docker-compose.postgres.yml are valid for Debian's docker-compose (v1) and name what the portal needs.</summary>
public class DockerComposeTests
{
    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PartnerCenter.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PartnerCenter.sln not found above the test binaries.");
    }

    [Theory]
    [InlineData("docker-compose.yml")]
    [InlineData("docker-compose.postgres.yml")]
    public async Task The_compose_file_passes_docker_compose_config(string file)
    {
        var start = new ProcessStartInfo("docker-compose", $"-f {file} config -q")
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"docker-compose config -q failed: {errors}");
    }

    [Fact]
    public void The_compose_file_runs_sql_server_mailpit_and_the_portal_with_health_checks()
    {
        var compose = File.ReadAllText(Path.Combine(RepositoryRoot(), "docker-compose.yml"));

        Assert.Contains("mcr.microsoft.com/mssql/server", compose, StringComparison.Ordinal);
        Assert.Contains("axllent/mailpit", compose, StringComparison.Ordinal);
        Assert.Contains("Database__Provider: SqlServer", compose, StringComparison.Ordinal);
        Assert.Contains("/health/ready", compose, StringComparison.Ordinal);
        Assert.Contains("service_healthy", compose, StringComparison.Ordinal);
    }

    [Fact]
    public void The_postgres_compose_file_runs_postgresql_15_mailpit_and_the_portal_migrating_at_start()
    {
        var compose = File.ReadAllText(Path.Combine(RepositoryRoot(), "docker-compose.postgres.yml"));

        Assert.Contains("image: postgres:15", compose, StringComparison.Ordinal);
        Assert.Contains("axllent/mailpit", compose, StringComparison.Ordinal);
        Assert.Contains("Database__Provider: PostgreSql", compose, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__PostgreSql:", compose, StringComparison.Ordinal);
        Assert.Contains("Database__MigrateOnStart: \"true\"", compose, StringComparison.Ordinal);
        Assert.Contains("service_healthy", compose, StringComparison.Ordinal);
    }
}
