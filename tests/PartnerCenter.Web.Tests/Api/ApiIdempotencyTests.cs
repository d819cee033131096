namespace PartnerCenter.Web.Tests.Api;

/// <summary>Idempotency-Key on POST: a retry answers the first response and changes nothing; another body is 422; concurrent duplicates run once.</summary>
public sealed class ApiIdempotencyTests(ApiApp app) : IClassFixture<ApiApp>
{
    private Task<int> CountAsync(string email) => app.WithDbAsync(db => db.Preregistrations.CountAsync(p => p.CustomerEmail == email));

    [Fact]
    public async Task A_retry_with_the_same_key_and_body_answers_the_first_response_and_changes_nothing()
    {
        using var api = await app.NorthwindClientAsync();
        var email = Preregister.NewEmail("rita");
        var body = Api.NewCustomer("Rita Retry", email, sendInvitation: true);
        var key = Guid.NewGuid().ToString();

        using var first = await api.PostAsync("api/v1/preregistrations", body, key);
        var firstText = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        app.FakeClock.Advance(TimeSpan.FromMinutes(5));

        using var retry = await api.PostAsync("api/v1/preregistrations", body, key);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(firstText, await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await CountAsync(email));
        Assert.Equal(1, await app.WithDbAsync(db => db.Invitations.CountAsync(i => db.Preregistrations.Any(p => p.Id == i.PreregistrationId && p.CustomerEmail == email))));

        // Without the key, the same body is a new request (here refused: already preregistered).
        using var fresh = await api.PostAsync("api/v1/preregistrations", body);
        await fresh.ProblemAsync(HttpStatusCode.UnprocessableEntity, "already_preregistered");
    }

    [Fact]
    public async Task A_refusal_is_replayed_as_it_was()
    {
        using var api = await app.NorthwindClientAsync();
        var key = Guid.NewGuid().ToString();
        var body = Api.NewCustomer("Mia Mainland", "mainland@customers.example");
        using var first = await api.PostAsync("api/v1/preregistrations", body, key);
        await first.ProblemAsync(HttpStatusCode.UnprocessableEntity, "refused_mainland");
        using var retry = await api.PostAsync("api/v1/preregistrations", body, key);
        await retry.ProblemAsync(HttpStatusCode.UnprocessableEntity, "refused_mainland");
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task The_same_key_with_another_body_answers_422_and_runs_nothing()
    {
        using var api = await app.NorthwindClientAsync();
        var key = Guid.NewGuid().ToString();
        using (var first = await api.PostAsync("api/v1/preregistrations", Api.NewCustomer("Kai Key"), key))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        var other = Preregister.NewEmail("kim");
        using var reused = await api.PostAsync("api/v1/preregistrations", Api.NewCustomer("Kim Key", other), key);
        await reused.ProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal(0, await CountAsync(other));
    }

    [Fact]
    public async Task Concurrent_duplicates_run_once_the_others_replay_or_are_told_to_retry()
    {
        using var api = await app.NorthwindClientAsync();
        var email = Preregister.NewEmail("cora");
        var body = Api.NewCustomer("Cora Concurrent", email);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => api.PostAsync("api/v1/preregistrations", body, key)));
        try
        {
            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
            Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created);
            foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            {
                await conflict.ProblemAsync(HttpStatusCode.Conflict, "idempotency_in_progress");
                Assert.NotNull(conflict.Headers.RetryAfter);
            }

            var ids = new HashSet<string>();
            foreach (var created in responses.Where(r => r.StatusCode == HttpStatusCode.Created))
            {
                ids.Add((await created.JsonOfAsync(HttpStatusCode.Created)).GetProperty("preregistration").Str("id"));
            }

            Assert.Single(ids);
            Assert.Equal(1, await CountAsync(email));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task Keys_are_per_api_key_another_key_may_use_the_same_value()
    {
        using var one = await app.NorthwindClientAsync();
        using var two = await app.NorthwindClientAsync();
        var key = Guid.NewGuid().ToString();
        using var a = await one.PostAsync("api/v1/preregistrations", Api.NewCustomer("Ada One"), key);
        using var b = await two.PostAsync("api/v1/preregistrations", Api.NewCustomer("Bob Two"), key);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (a.StatusCode, b.StatusCode));
        Assert.False(b.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task An_overlong_key_is_refused_with_its_field()
    {
        using var api = await app.NorthwindClientAsync();
        using var response = await api.PostAsync("api/v1/preregistrations", Api.NewCustomer("Len Long"), new string('k', 256));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "idempotency_key_invalid");
        Assert.Equal("Idempotency-Key", problem.GetProperty("errors").EnumerateArray().Single().Str("field"));
    }
}
