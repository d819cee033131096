using System.Collections.Concurrent;

namespace PartnerCenter.Web.Tests.Faults;

/// <summary>
/// PostgreSQL restarted (pg_ctl restart: every session cut) while partners read lists and submit
/// preregistrations with "Send invitation link: Yes": no request fails with a server error (the
/// execution strategy retries; what it cannot save answers the friendly 503), the portal serves
/// again without a restart, and no retried submission left a second record or a second email.
/// </summary>
public sealed class DatabaseRestartTests
{
    [Fact]
    public async Task A_database_restart_mid_load_answers_only_success_or_503_and_retried_submissions_never_double()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        await using var app = new TestApp { Engine = DatabaseEngine.PostgreSql, PostgresServerConnectionString = cluster.ConnectionString, RunDispatcher = false };
        var users = new[] { DemoUsers.NorthwindSales, DemoUsers.NorthwindAdmin, DemoUsers.ContosoAdmin, DemoUsers.NorthwindSales, DemoUsers.ContosoAdmin, DemoUsers.NorthwindAdmin };
        var clients = new List<PartnerCenterClient>();
        foreach (var user in users)
        {
            clients.Add(await app.SignedInClientAsync(user));
        }

        var statuses = new ConcurrentBag<(DateTime At, HttpStatusCode Status, string What)>();
        var submitted = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        DateTime restartedAt;
        try
        {
            // Each session reads its list and submits (its first six customers) until told to stop.
            var workers = clients.Select((client, w) => Task.Run(async () =>
            {
                var mobile = users[w] == DemoUsers.ContosoAdmin ? "+658123450" : "+491512345670";
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    using (var list = await client.GetAsync("/CustomerDevelopment"))
                    {
                        statuses.Add((DateTime.UtcNow, list.StatusCode, "list"));
                    }

                    if (n < 6)
                    {
                        var email = $"restart.w{w}.n{n}@prospects.example";
                        var form = await client.GetPageAsync(Preregister.FormUrl);
                        statuses.Add((DateTime.UtcNow, form.Status, "form"));
                        if (form.AntiforgeryToken is { } token)
                        {
                            submitted.Add(email);
                            using var post = await client.PostFormWithTokenAsync(Preregister.FormUrl, token,
                                Preregister.FormFields($"Restart Customer {w} {n}", email, $"{mobile}{n % 10}", sendInvitation: true));
                            statuses.Add((DateTime.UtcNow, post.StatusCode, email));
                        }
                    }

                    await Task.Delay(100);
                }
            })).ToList();

            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.False(workers.Any(w => w.IsCompleted), "A session stopped before the restart.");
            await cluster.RestartAsync();
            restartedAt = DateTime.UtcNow;
            await Task.Delay(TimeSpan.FromSeconds(4));
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }

        Assert.Contains(statuses, s => s.At > restartedAt);
        Assert.All(statuses, s => Assert.True(s.Status is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.ServiceUnavailable,
            $"{s.What}: {(int)s.Status} {s.Status}"));

        // Served again without restarting the portal.
        using (var after = await app.SignedInClientAsync(DemoUsers.NorthwindSales))
        {
            Assert.Equal(HttpStatusCode.OK, await after.StatusOfAsync("/CustomerDevelopment"));
        }

        // At most one record and one invitation email per submitted customer; every redirect saved one.
        var emails = submitted.ToList();
        var records = await app.WithDbAsync(db => db.Preregistrations.Where(p => emails.Contains(p.CustomerEmail))
            .GroupBy(p => p.CustomerEmail).Select(g => new { Email = g.Key, Count = g.Count() }).ToListAsync());
        var mails = await app.WithDbAsync(db => db.OutboxMessages.Where(m => emails.Contains(m.To))
            .GroupBy(m => m.To).Select(g => new { Email = g.Key, Count = g.Count() }).ToListAsync());
        Assert.All(records, r => Assert.Equal(1, r.Count));
        Assert.All(mails, m => Assert.Equal(1, m.Count));
        var saved = statuses.Where(s => s.Status == HttpStatusCode.Redirect && s.What.Contains('@', StringComparison.Ordinal)).Select(s => s.What).ToList();
        Assert.NotEmpty(saved);
        Assert.All(saved, email => Assert.Contains(records, r => r.Email == email));
    }
}
