using static PartnerCenter.Web.Tests.Preregistrations.PreregistrationKit;

namespace PartnerCenter.Web.Tests.Preregistrations;

/// <summary>
/// Exclusivity and the cap hold when requests arrive at once (parallel HTTP requests, one session
/// each), on SQLite (a global write lock) and on PostgreSQL (READ COMMITTED: the partner's row lock
/// and the unique open-claim index do the work). Each test has an app of its own.
/// </summary>
public sealed class PreregistrationConcurrencyTests
{
    private sealed record Contender(string User, string Partner, PartnerCenterClient Client, Func<int, string> Mobile);

    private const string AlreadyYours = "You have already preregistered this customer; see it in your list.";

    [Theory, AllEngines]
    public async Task The_same_new_customer_submitted_at_once_in_twenty_sessions_of_three_partners_is_claimed_exactly_once(DatabaseEngine engine)
    {
        await using var app = new PreregistrationFactory { Engine = engine };
        // Each partner's mobiles from its own business country, so nobody is offered a review instead.
        var kinds = new (string User, string Partner, Func<int, string> Mobile)[]
        {
            (DemoUsers.NorthwindSales, Northwind, GermanMobile),
            (DemoUsers.ContosoAdmin, Contoso, SingaporeMobile),
            (DemoUsers.TailspinAdmin, Tailspin, n => GermanMobile(n + 50)),
        };
        var contenders = new List<Contender>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var (user, partner, mobile) = kinds[i % kinds.Length];
                contenders.Add(new Contender(user, partner, await app.SignedInClientAsync(user), mobile));
            }

            for (var round = 1; round <= 2; round++)
            {
                var email = $"race{round}@prospects.example";
                var tokens = await Task.WhenAll(contenders.Select(c => c.Client.GetAntiforgeryTokenAsync()));

                var responses = await Task.WhenAll(contenders.Select((c, i) =>
                    c.Client.PostFormWithTokenAsync(FormUrl, tokens[i], FormFields($"Race Customer {round}", email, c.Mobile(round)))));

                var outcomes = new List<(Contender Contender, HttpStatusCode Status, IReadOnlyList<string> Errors)>();
                for (var i = 0; i < responses.Length; i++)
                {
                    using var response = responses[i];
                    var page = await HtmlPage.ReadAsync(response);
                    outcomes.Add((contenders[i], response.StatusCode, page.SummaryErrors));
                }

                var winner = Assert.Single(outcomes, o => o.Status == HttpStatusCode.Redirect);
                Assert.All(outcomes.Where(o => o.Status != HttpStatusCode.Redirect), o =>
                {
                    Assert.Equal(HttpStatusCode.OK, o.Status);
                    Assert.Equal([o.Contender.Partner == winner.Contender.Partner ? AlreadyYours : ClaimedByAnother], o.Errors);
                });
                var record = Assert.Single(await app.RecordsAsync(email));
                Assert.Equal(PreregistrationStatus.Preregistered, record.Status);
                Assert.Equal(await app.PartnerIdAsync(winner.Contender.Partner), record.PartnerId);
                Assert.Equal(await app.UserIdAsync(winner.Contender.User), record.CreatedByUserId);
            }
        }
        finally
        {
            foreach (var contender in contenders)
            {
                contender.Client.Dispose();
            }
        }
    }

    [Theory, AllEngines]
    public async Task A_partner_at_95_open_submitting_twenty_customers_at_once_gets_exactly_five_through(DatabaseEngine engine)
    {
        await using var app = new PreregistrationFactory { Engine = engine };
        var partnerId = await app.PartnerIdAsync(Northwind);
        var now = app.Now;
        var missing = 95 - await app.OpenCountAsync(Northwind);
        await app.AddAsync([.. Enumerable.Range(1, missing)
            .Select(i => Preregister.NewRecord(partnerId, $"Quota Filler {i:000}", $"quota.filler{i:000}@prospects.example", GermanMobile(i), now.AddMinutes(-i)))]);
        Assert.Equal(95, await app.OpenCountAsync(Northwind));

        // Twenty sessions of Northwind users, each submitting a different eligible customer.
        var users = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? DemoUsers.NorthwindSales : DemoUsers.NorthwindAdmin).ToArray();
        var clients = new List<PartnerCenterClient>();
        try
        {
            foreach (var user in users)
            {
                clients.Add(await app.SignedInClientAsync(user));
            }

            var tokens = await Task.WhenAll(clients.Select(c => c.GetAntiforgeryTokenAsync()));
            var emails = Enumerable.Range(1, clients.Count).Select(i => $"burst{i}@prospects.example").ToArray();

            var responses = await Task.WhenAll(clients.Select((c, i) =>
                c.PostFormWithTokenAsync(FormUrl, tokens[i], FormFields($"Burst Customer {i + 1}", emails[i], GermanMobile(80 + i)))));

            var outcomes = new List<(HttpStatusCode Status, IReadOnlyList<string> Errors)>();
            foreach (var response in responses)
            {
                using (response)
                {
                    outcomes.Add((response.StatusCode, (await HtmlPage.ReadAsync(response)).SummaryErrors));
                }
            }

            Assert.Equal(5, outcomes.Count(o => o.Status == HttpStatusCode.Redirect));
            Assert.All(outcomes.Where(o => o.Status != HttpStatusCode.Redirect), o =>
            {
                Assert.Equal(HttpStatusCode.OK, o.Status);
                Assert.Equal([CapMessage], o.Errors);
            });
            Assert.Equal(100, await app.OpenCountAsync(Northwind));
            Assert.Equal(5, await app.WithDbAsync(db => db.Preregistrations.CountAsync(p => emails.Contains(p.CustomerEmail))));
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }
}
