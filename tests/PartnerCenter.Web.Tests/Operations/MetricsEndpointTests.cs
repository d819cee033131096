namespace PartnerCenter.Web.Tests.Operations;

/// <summary>/metrics over real HTTP (Kestrel on loopback), as Prometheus scrapes it.</summary>
public sealed class MetricsEndpointTests : IAsyncLifetime, IDisposable
{
    private const string Token = "scrape-token-for-tests-0123456789";
    private readonly ScrapedApp app = new();
    private readonly HttpClient http = new();

    public Task InitializeAsync()
    {
        app.StartRealServer();
        http.BaseAddress = new Uri(app.BaseUrl);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task Metrics_answer_401_without_the_scrape_token_or_with_a_wrong_one()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        wrong.Headers.Authorization = new("Bearer", Token + "x");
        using var answer = await http.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
    }

    [Fact]
    public async Task With_the_token_the_scrape_has_request_durations_and_the_portals_own_instruments()
    {
        var cookies = new CookieContainer();
#pragma warning disable CA2000 // the client owns and disposes the handler
        using var client = new PartnerCenterClient(new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl + "/") }, cookies);
#pragma warning restore CA2000
        await client.SignInOrThrowAsync(DemoUsers.NorthwindSales);
        (await client.SubmitPreregistrationAsync("Scraped Prospect", "scrape001@prospects.example")).Dispose();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/Account/SignIn", UriKind.Relative))).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new("Bearer", Token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("http_route=\"{controller=Home}/{action=Index}/{id?}\"", text, StringComparison.Ordinal);
        Assert.Contains("partnercenter_preregistrations_submitted_total{", text, StringComparison.Ordinal);
        Assert.Contains("outcome=\"preregistered\"", text, StringComparison.Ordinal);
        Assert.Contains("partnercenter_outbox_messages{", text, StringComparison.Ordinal);
        Assert.Contains("partnercenter_outbox_oldest_pending_age_seconds", text, StringComparison.Ordinal);
        Assert.Contains("partnercenter_webhooks_pending", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections_total", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_token_comparison_accepts_only_the_exact_token()
    {
        Assert.True(PartnerCenter.Web.Operations.Telemetry.Authorized($"Bearer {Token}", Token));
        Assert.False(PartnerCenter.Web.Operations.Telemetry.Authorized($"Bearer {Token[..^1]}", Token));
        Assert.False(PartnerCenter.Web.Operations.Telemetry.Authorized(Token, Token));
        Assert.False(PartnerCenter.Web.Operations.Telemetry.Authorized("", Token));
    }

    private sealed class ScrapedApp : TestApp
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            settings["Metrics:Enabled"] = "true";
            settings["Metrics:ScrapeToken"] = Token;
        }
    }
}

/// <summary>Off by default: no /metrics at all.</summary>
public sealed class MetricsOffByDefaultTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task Without_Metrics_Enabled_metrics_answers_404()
    {
        using var client = app.CreatePartnerCenterClient();

        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync("/metrics"));
    }
}
