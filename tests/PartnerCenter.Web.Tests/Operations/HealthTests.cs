namespace PartnerCenter.Web.Tests.Operations;

public sealed class HealthTests(TestApp app) : IClassFixture<TestApp>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy_without_signing_in(string path)
    {
        using var client = app.CreatePartnerCenterClient();

        using var response = await client.GetAsync(path);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Responses_carry_the_security_headers()
    {
        using var client = app.CreatePartnerCenterClient();

        using var response = await client.GetAsync("/Account/SignIn");

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}

/// <summary>
/// Readiness must fail when the database becomes unusable after start. The app refuses to start on
/// an unusable file (it migrates first), so each test starts on a good file and then breaks it.
/// </summary>
public sealed class ReadinessWhenDatabaseIsUnusableTests
{
    [Fact]
    public async Task Ready_answers_503_when_the_database_file_is_replaced_by_a_directory_while_live_stays_200()
    {
        await using var app = new EmptyDatabaseFactory();
        using var client = app.CreatePartnerCenterClient();
        Assert.Equal(HttpStatusCode.OK, await client.StatusOfAsync("/health/ready"));

        await app.BreakDatabaseAsync(path => Directory.CreateDirectory(path));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await client.StatusOfAsync("/health/ready"));
        Assert.Equal(HttpStatusCode.OK, await client.StatusOfAsync("/health/live"));
    }

    [Fact]
    public async Task Ready_answers_503_when_the_database_file_is_not_a_database()
    {
        await using var app = new EmptyDatabaseFactory();
        using var client = app.CreatePartnerCenterClient();
        Assert.Equal(HttpStatusCode.OK, await client.StatusOfAsync("/health/ready"));

        await app.BreakDatabaseAsync(path => File.WriteAllText(path, new string('x', 8192)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await client.StatusOfAsync("/health/ready"));
        Assert.Equal(HttpStatusCode.OK, await client.StatusOfAsync("/health/live"));
    }

    [Fact]
    public async Task Ready_answers_503_when_the_database_file_is_deleted()
    {
        await using var app = new EmptyDatabaseFactory();
        using var client = app.CreatePartnerCenterClient();
        Assert.Equal(HttpStatusCode.OK, await client.StatusOfAsync("/health/ready"));

        await app.BreakDatabaseAsync(_ => { });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await client.StatusOfAsync("/health/ready"));
    }

    /// <summary>Migrated but not seeded: nobody signs in here, so the password hashes are not worth paying for.</summary>
    private sealed class EmptyDatabaseFactory : TestApp
    {
        /// <summary>No outbox or webhook dispatcher: polling every 100 ms, it would reopen (and so recreate) the database file.</summary>
        public EmptyDatabaseFactory()
        {
            SeedDemoData = false;
            RunDispatcher = false;
            RunWebhookDispatcher = false;
        }

        /// <summary>
        /// Deletes the database (and its WAL), closes pooled handles, then lets <paramref name="replace"/> put
        /// something else there. A start-up sweep still opening the database in between recreates the file
        /// (SQLite creates a missing one): then a replacement that finds a file there is tried again.
        /// </summary>
        public Task BreakDatabaseAsync(Action<string> replace) => Poll.UntilAsync(() =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in DatabaseFiles)
            {
                File.Delete(file);
            }

            try
            {
                replace(DatabasePath);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }, what: "the database file is replaced");
    }
}
