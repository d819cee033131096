namespace PartnerCenter.Web.Tests.Infrastructure;

/// <summary>The fixture other suites rely on does what it promises.</summary>
public sealed class FactoryTests
{
    [Fact]
    public async Task Each_factory_gets_its_own_migrated_seeded_file_which_is_deleted_afterwards()
    {
        string path;
        await using (var app = new TestApp())
        {
            path = app.DatabasePath;
            var partners = await app.WithDbAsync(db => db.Partners.OrderBy(p => p.Name).Select(p => p.Name).ToListAsync());
            var applied = await app.WithDbAsync(db => db.Database.GetAppliedMigrationsAsync());
            var dataSource = await app.WithDbAsync(db => Task.FromResult(db.Database.GetDbConnection().DataSource));

            Assert.True(File.Exists(path));
            Assert.Equal(path, dataSource);
            Assert.Equal(["Contoso Reseller", "Fabrikam Partners", "Northwind Cloud", "Tailspin Prepaid"], partners);
            Assert.NotEmpty(applied);
        }

        Assert.False(File.Exists(path));
        Assert.False(File.Exists(path + "-wal"));
        Assert.False(File.Exists(path + "-shm"));
    }

    [Fact]
    public async Task A_fake_clock_replaces_the_apps_time_provider_including_in_what_it_writes()
    {
        await using var app = new FakeClockApp();
        using var admin = await app.SignedInClientAsync(DemoUsers.NorthwindAdmin);
        app.Clock.Advance(TimeSpan.FromHours(3));

        var users = await admin.GetPageAsync("/Users");
        using var granted = await admin.SubmitAsync(users, users.FormOfButton("Grant Customer Development for Ian Intern"));

        Assert.Same(app.Clock, app.Services.GetRequiredService<TimeProvider>());
        await granted.AssertStatusAsync(HttpStatusCode.Redirect);
        var at = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "PermissionGranted").Select(e => e.At).SingleAsync());
        Assert.Equal(TestApp.FakeStart.AddHours(3).UtcDateTime, at);
        Assert.Equal(DateTimeKind.Utc, at.Kind);
        // Seeding ran on the fake clock too: existing@ registered ten days before "now".
        var registered = await app.WithDbAsync(db => db.CustomerAccounts.Where(c => c.Email == "existing@customers.example").Select(c => c.RegisteredAt).SingleAsync());
        Assert.Equal(TestApp.FakeStart.AddDays(-10).UtcDateTime, registered);
    }
}
