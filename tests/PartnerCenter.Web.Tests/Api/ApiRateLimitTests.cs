namespace PartnerCenter.Web.Tests.Api;

public sealed class ApiRateLimitedApp : ApiApp
{
    public ApiRateLimitedApp()
    {
        RequestsPerMinute = 3;
    }
}

/// <summary>Api:RequestsPerMinute per key, with the framework's limiter: 429 with Retry-After and a problem body.</summary>
public sealed class ApiRateLimitTests(ApiRateLimitedApp app) : IClassFixture<ApiRateLimitedApp>
{
    [Fact]
    public async Task The_fourth_request_in_a_minute_answers_429_with_retry_after_and_another_key_is_unaffected()
    {
        using var api = await app.NorthwindClientAsync();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await api.GetAsync("api/v1/customers");
            await allowed.AssertStatusAsync(HttpStatusCode.OK);
        }

        using var limited = await api.GetAsync("api/v1/customers");
        await limited.ProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        using var other = await app.NorthwindClientAsync();
        using var fine = await other.GetAsync("api/v1/customers");
        await fine.AssertStatusAsync(HttpStatusCode.OK);
    }
}
