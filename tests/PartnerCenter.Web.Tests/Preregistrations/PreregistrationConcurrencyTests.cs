using static PartnerCenter.Web.Tests.Preregistrations.PreregistrationKit;

namespace PartnerCenter.Web.Tests.Preregistrations;

/// <summary>
/// Exclusivity and the cap hold when requests arrive at once (parallel HTTP requests, one session
/// each, on the real SQLite file). Each test has an app of its own: the second fills Northwind's quota.
/// </summary>
public sealed class PreregistrationConcurrencyTests
{
    private sealed record Contender(string User, string Partner, PartnerCenterClient Client, Func<int, string> Mobile);

    [Fact]
    public async Task The_same_new_customer_submitted_at_once_by_three_partners_is_claimed_exactly_once()
    {
        await using var app = new PreregistrationFactory();
        // Each with a mobile from its own business country, so nobody is offered a review instead.
        var contenders = new[]
        {
            new Contender(DemoUsers.NorthwindSales, Northwind, await app.SignedInClientAsync(DemoUsers.NorthwindSales), GermanMobile),
            new Contender(DemoUsers.ContosoAdmin, Contoso, await app.SignedInClientAsync(DemoUsers.ContosoAdmin), SingaporeMobile),
            new Contender(DemoUsers.TailspinAdmin, Tailspin, await app.SignedInClientAsync(DemoUsers.TailspinAdmin), n => GermanMobile(n + 50)),
        };
        try
        {
            for (var round = 1; round <= 3; round++)
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
                    Assert.Equal([ClaimedByAnother], o.Errors);
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

    [Fact]
    public async Task A_partner_at_99_open_submitting_five_customers_at_once_gets_exactly_one_through()
    {
        await using var app = new PreregistrationFactory();
        var partnerId = await app.PartnerIdAsync(Northwind);
        var now = app.Now;
        var missing = 99 - await app.OpenCountAsync(Northwind);
        await app.AddAsync([.. Enumerable.Range(1, missing)
            .Select(i => Preregister.NewRecord(partnerId, $"Quota Filler {i:000}", $"quota.filler{i:000}@prospects.example", GermanMobile(i), now.AddMinutes(-i)))]);
        Assert.Equal(99, await app.OpenCountAsync(Northwind));

        // Five sessions of Northwind users, each submitting a different eligible customer.
        var users = new[] { DemoUsers.NorthwindSales, DemoUsers.NorthwindAdmin, DemoUsers.NorthwindSales, DemoUsers.NorthwindAdmin, DemoUsers.NorthwindSales };
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

            Assert.Single(outcomes, o => o.Status == HttpStatusCode.Redirect);
            Assert.All(outcomes.Where(o => o.Status != HttpStatusCode.Redirect), o =>
            {
                Assert.Equal(HttpStatusCode.OK, o.Status);
                Assert.Equal([CapMessage], o.Errors);
            });
            Assert.Equal(100, await app.OpenCountAsync(Northwind));
            Assert.Equal(1, await app.WithDbAsync(db => db.Preregistrations.CountAsync(p => emails.Contains(p.CustomerEmail))));
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
