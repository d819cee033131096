using Microsoft.Data.Sqlite;
using PartnerCenter.Infrastructure.Data;
using PartnerCenter.Web.Tests.Associations;

namespace PartnerCenter.Web.Tests.Security;

/// <summary>The database gone mid-run answers a friendly 503 (on each engine); an online backup restores while the app runs.</summary>
public sealed class DatabaseFaultTests
{
    [Theory, AllEngines]
    public async Task An_unusable_database_answers_a_friendly_503_with_retry_after_and_health_says_so(DatabaseEngine engine)
    {
        // PostgreSQL: a cluster of this test's own, so stopping it leaves the other suites' server alone.
        await using var cluster = engine == DatabaseEngine.PostgreSql ? await PostgresCluster.StartAsync() : null;
        // No outbox dispatcher: polling every 100 ms, it could open a pooled connection to the file between clearing
        // the pools and deleting it, and that connection would keep serving the deleted file.
        await using var app = new TestApp { Engine = engine, PostgresServerConnectionString = cluster?.ConnectionString, RunDispatcher = false, RunWebhookDispatcher = false };
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        Assert.Equal(HttpStatusCode.OK, await sales.StatusOfAsync("/CustomerDevelopment"));
        var copy = app.DatabasePath + ".copy";
        if (cluster is null)
        {
            SqliteBackup.Backup(app.ConnectionString, copy);
        }

        try
        {
            if (cluster is null)
            {
                // The file becomes a directory: every new connection fails to open it. A background
                // service (dispatcher, sweeper) opening the path in between recreates the file: again.
                for (var attempt = 1; ; attempt++)
                {
                    SqliteConnection.ClearAllPools();
                    foreach (var file in app.DatabaseFiles.Where(File.Exists))
                    {
                        File.Delete(file);
                    }

                    try
                    {
                        Directory.CreateDirectory(app.DatabasePath);
                        break;
                    }
                    catch (IOException) when (attempt < 50)
                    {
                        await Task.Delay(20);
                    }
                }
            }
            else
            {
                // The server goes down: open sessions are cut, new connections are refused.
                await cluster.PauseAsync();
            }

            using var response = await sales.GetAsync("/CustomerDevelopment");
            var page = await HtmlPage.ReadAsync(response);
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, page.ToString());
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.DoesNotContain("Exception", page.MainText, StringComparison.Ordinal);
            Assert.DoesNotContain("SQLite", page.MainText, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Npgsql", page.MainText, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Postgre", page.MainText, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" at ", page.MainText, StringComparison.Ordinal);

            using (var signIn = await app.CreatePartnerCenterClient().SignInAsync(DemoUsers.NorthwindAdmin))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, signIn.StatusCode);
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, await sales.StatusOfAsync("/health/ready"));
            Assert.Equal(HttpStatusCode.OK, await sales.StatusOfAsync("/health/live"));

            // Back in place, the app serves again without a restart.
            if (cluster is null)
            {
                // A background service (dispatcher, sweeper) may open the path, creating an empty
                // file, between the two steps: the copy replaces it.
                Directory.Delete(app.DatabasePath);
                File.Move(copy, app.DatabasePath, overwrite: true);
                SqliteConnection.ClearAllPools();
            }
            else
            {
                await cluster.ResumeAsync();
            }

            Assert.Equal(HttpStatusCode.OK, await sales.StatusOfAsync("/CustomerDevelopment"));
            Assert.Equal(HttpStatusCode.OK, await sales.StatusOfAsync("/health/ready"));
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public async Task A_backup_taken_while_the_app_runs_restores_and_the_app_reads_it()
    {
        await using var app = new TestApp();
        var backup = Path.Combine(Path.GetTempPath(), "partnercenter-tests", $"backup-{Guid.NewGuid():N}.db");
        try
        {
            using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
            var before = await app.WithDbAsync(db => db.Preregistrations.CountAsync());

            SqliteBackup.Backup(app.ConnectionString, backup);
            var email = AssociationKit.NewEmail("afterbackup");
            await AssociationKit.PreregisterAsync(app, sales, "After Backup", email);
            Assert.Equal(before + 1, await app.WithDbAsync(db => db.Preregistrations.CountAsync()));

            SqliteBackup.Restore(backup, app.ConnectionString);

            Assert.Equal(before, await app.WithDbAsync(db => db.Preregistrations.CountAsync()));
            Assert.False(await app.WithDbAsync(db => db.Preregistrations.AnyAsync(p => p.CustomerEmail == email)));
            using var admin = await app.SignedInClientAsync(DemoUsers.NorthwindAdmin);
            var list = (await admin.GetPageAsync("/CustomerDevelopment")).AssertStatus(HttpStatusCode.OK);
            Assert.Equal(HttpStatusCode.OK, await admin.StatusOfAsync("/health/ready"));
            Assert.NotEmpty(list.Document.QuerySelectorAll("main tbody tr"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(backup);
        }
    }
}
