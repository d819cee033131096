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

    [Fact]
    public async Task The_observability_profile_adds_prometheus_scraping_the_portal_and_grafana_with_the_dashboard()
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("docker-compose", "-f docker-compose.yml --profile observability config --services")
        {
            WorkingDirectory = root,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var services = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var compose = await File.ReadAllTextAsync(Path.Combine(root, "docker-compose.yml"));
        var prometheus = await File.ReadAllTextAsync(Path.Combine(root, "ops/prometheus/prometheus.yml"));
        var dashboard = await File.ReadAllTextAsync(Path.Combine(root, "ops/grafana/dashboards/partnercenter.json"));

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("prometheus", services, StringComparison.Ordinal);
        Assert.Contains("grafana", services, StringComparison.Ordinal);
        Assert.Contains("profiles: [\"observability\"]", compose, StringComparison.Ordinal);
        Assert.Contains("Metrics__Enabled: \"true\"", compose, StringComparison.Ordinal);
        Assert.Contains("METRICS_SCRAPE_TOKEN:-dev-scrape-token-not-a-secret", compose, StringComparison.Ordinal);
        Assert.Contains("credentials: dev-scrape-token-not-a-secret", prometheus, StringComparison.Ordinal);
        Assert.Contains("web:8080", prometheus, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(dashboard);
        foreach (var metric in new[]
                 {
                     "http_server_request_duration_seconds", "partnercenter_preregistrations_submitted_total", "partnercenter_reviews_decided_total",
                     "partnercenter_reviews_overdue", "partnercenter_invitations_total", "partnercenter_associations_total",
                     "partnercenter_outbox_messages", "partnercenter_outbox_oldest_pending_age_seconds", "partnercenter_outbox_delivery_attempts_total",
                 })
        {
            Assert.Contains(metric, dashboard, StringComparison.Ordinal);
        }
    }
}
