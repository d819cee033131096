namespace PartnerCenter.Web.Tests.Operations;

/// <summary>Every error page names the request's trace id, so a user can quote it and an operator can find the trace.</summary>
public sealed class ErrorPageTraceTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task A_not_found_page_shows_the_trace_id_of_the_request()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var http = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");

        using var response = await http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Not found", html, StringComparison.Ordinal);
        Assert.Contains($"<code data-testid=\"trace-id\">{traceId}</code>", html, StringComparison.Ordinal);
    }
}
