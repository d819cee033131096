using PartnerCenter.Core.ApiKeys;

namespace PartnerCenter.Web.Tests.Api;

/// <summary>Bearer keys on /api/v1: 401 for each way a key is refused, 403 for a missing scope, 404 for another partner's record; last use written cheaply.</summary>
public sealed class ApiAccessTests(ApiApp app) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task No_key_answers_401_with_a_bearer_challenge_and_its_code()
    {
        using var api = app.Client(null);
        using var response = await api.GetAsync("api/v1/preregistrations");
        await response.ProblemAsync(HttpStatusCode.Unauthorized, "api_key_missing");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("pc_live_notARealKeyAtAll")]
    [InlineData("sk_test_somethingElse")]
    public async Task A_bad_key_answers_401(string key)
    {
        using var api = app.Client(key);
        using var response = await api.GetAsync("api/v1/preregistrations");
        await response.ProblemAsync(HttpStatusCode.Unauthorized, "api_key_invalid");
    }

    [Fact]
    public async Task A_revoked_key_answers_401_from_the_moment_it_is_revoked()
    {
        var key = await app.CreateKeyAsync();
        using var api = app.Client(key);
        using (var before = await api.GetAsync("api/v1/preregistrations"))
        {
            await before.AssertStatusAsync(HttpStatusCode.OK);
        }

        var keyId = await app.WithDbAsync(db => db.ApiKeys.Where(k => k.Prefix == key.Substring(0, k.Prefix.Length)).Select(k => k.Id).SingleAsync());
        var revoked = await app.WithServiceAsync<RevokeApiKey, Result<ApiKey>>(async revoke =>
            await revoke.ExecuteAsync(await app.UserIdAsync(DemoUsers.NorthwindAdmin), await app.PartnerIdAsync(Northwind), keyId, CancellationToken.None));
        Assert.True(revoked.IsSuccess);

        using var after = await api.GetAsync("api/v1/preregistrations");
        await after.ProblemAsync(HttpStatusCode.Unauthorized, "api_key_revoked");
    }

    [Fact]
    public async Task An_expired_key_answers_401()
    {
        var key = await app.CreateKeyAsync(expiresAt: app.Now.AddHours(1));
        using var api = app.Client(key);
        using (var before = await api.GetAsync("api/v1/customers"))
        {
            await before.AssertStatusAsync(HttpStatusCode.OK);
        }

        app.FakeClock.Advance(TimeSpan.FromHours(1));
        using var after = await api.GetAsync("api/v1/customers");
        await after.ProblemAsync(HttpStatusCode.Unauthorized, "api_key_expired");
    }

    [Theory]
    [InlineData("GET", "api/v1/preregistrations", ApiScopes.PreregistrationsRead)]
    [InlineData("POST", "api/v1/preregistrations", ApiScopes.PreregistrationsWrite)]
    [InlineData("POST", "api/v1/preregistrations:batchDelete", ApiScopes.PreregistrationsWrite)]
    [InlineData("POST", "api/v1/invitations", ApiScopes.InvitationsWrite)]
    [InlineData("GET", "api/v1/customers", ApiScopes.CustomersRead)]
    [InlineData("POST", "api/v1/customers/1/freeze", ApiScopes.CustomersWrite)]
    [InlineData("GET", "api/v1/history-records", ApiScopes.PreregistrationsRead)]
    public async Task A_key_without_the_endpoints_scope_answers_403_naming_the_scope(string method, string url, string scope)
    {
        using var api = app.Client(await app.CreateKeyAsync(scopes: [.. ApiScopes.All.Where(s => s != scope)]));
        using var response = await api.SendAsync(new HttpMethod(method), url, method == "POST" ? new { } : null, []);
        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        Assert.Contains(scope, problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_partners_records_answer_404_as_unknown_ones_do()
    {
        using var northwind = await app.NorthwindClientAsync();
        var id = await northwind.CreatePreregistrationAsync("Otto Owned");
        var customer = await app.AssociatedCustomerAsync("Olga Owned");
        using var contoso = app.Client(await app.CreateKeyAsync(Contoso, admin: DemoUsers.ContosoAdmin));

        foreach (var url in new[] { $"api/v1/preregistrations/{id}", $"api/v1/preregistrations/{id}/invitations", $"api/v1/customers/{customer}" })
        {
            using var response = await contoso.GetAsync(url);
            await response.ProblemAsync(HttpStatusCode.NotFound, "not_found");
        }

        using (var delete = await contoso.DeleteAsync($"api/v1/preregistrations/{id}"))
        {
            await delete.ProblemAsync(HttpStatusCode.NotFound, "not_found");
        }

        using (var freeze = await contoso.PostAsync($"api/v1/customers/{customer}/unfreeze", new { reason = "mine now" }))
        {
            await freeze.ProblemAsync(HttpStatusCode.NotFound, "not_found");
        }

        using var stillThere = await northwind.GetAsync($"api/v1/preregistrations/{id}");
        await stillThere.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_signed_in_browser_session_does_not_open_the_api()
    {
        using var browser = await app.SignedInBrowserAsync(DemoUsers.NorthwindAdmin);
        using var response = await browser.GetAsync("/api/v1/preregistrations");
        await response.ProblemAsync(HttpStatusCode.Unauthorized, "api_key_missing");
    }

    [Fact]
    public async Task Last_use_is_written_at_most_once_a_minute()
    {
        var key = await app.CreateKeyAsync();
        using var api = app.Client(key);
        Task<DateTime?> LastUsedAsync() => app.WithDbAsync(db => db.ApiKeys.Where(k => k.Prefix == key.Substring(0, k.Prefix.Length)).Select(k => k.LastUsedAt).SingleAsync());
        Assert.Null(await LastUsedAsync());

        (await api.GetAsync("api/v1/customers")).Dispose();
        var first = await LastUsedAsync();
        Assert.Equal(app.Now, first);

        app.FakeClock.Advance(TimeSpan.FromSeconds(30));
        (await api.GetAsync("api/v1/customers")).Dispose();
        Assert.Equal(first, await LastUsedAsync());

        app.FakeClock.Advance(TimeSpan.FromSeconds(31));
        (await api.GetAsync("api/v1/customers")).Dispose();
        Assert.Equal(app.Now, await LastUsedAsync());
    }
}
