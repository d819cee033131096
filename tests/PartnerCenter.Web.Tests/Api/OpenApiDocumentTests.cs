using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using PartnerCenter.Core.ApiKeys;
using PartnerCenter.Web.Features.Api;

namespace PartnerCenter.Web.Tests.Api;

/// <summary>/openapi/v1.json stays in step with the mapped /api/v1 endpoints; the reference page is served.</summary>
public sealed class OpenApiDocumentTests(ApiApp app) : IClassFixture<ApiApp>
{
    private async Task<JsonElement> DocumentAsync()
    {
        using var anonymous = app.Client(null);
        using var response = await anonymous.GetAsync("openapi/v1.json");
        return await response.JsonOfAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Every_mapped_api_endpoint_is_in_the_document_with_its_scope_and_problem_answers()
    {
        var document = await DocumentAsync();
        Assert.StartsWith("3.1", document.Str("openapi"), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(ApiEndpoints.Prefix, StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods
                .Select(m => (Path: OpenApiPath(e.RoutePattern.RawText!), Method: m.ToLowerInvariant(), Scope: e.Metadata.GetMetadata<ApiScopeMetadata>()?.Scope)))
            .ToList();
        Assert.Equal(19, endpoints.Count);

        foreach (var (path, method, scope) in endpoints)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing from the document");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method.ToUpperInvariant()} {path} is missing from the document");
            Assert.NotNull(scope);
            var security = operation.GetProperty("security").EnumerateArray().Single();
            Assert.Equal([scope], security.GetProperty(ApiDocument.SecuritySchemeName).EnumerateArray().Select(s => s.GetString()));
            var responses = operation.GetProperty("responses");
            foreach (var status in new[] { "401", "403", "429" })
            {
                Assert.True(responses.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), $"{method} {path} {status}");
            }
        }

        // Nothing documented that is not mapped.
        var documented = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => (p.Name, o.Name))).ToHashSet();
        Assert.Equal(endpoints.Select(e => (e.Path, e.Method)).ToHashSet(), documented);
    }

    [Fact]
    public async Task The_bearer_scheme_and_every_error_code_are_described()
    {
        var document = await DocumentAsync();
        var components = document.GetProperty("components");
        var scheme = components.GetProperty("securitySchemes").GetProperty(ApiDocument.SecuritySchemeName);
        Assert.Equal(("http", "bearer"), (scheme.Str("type"), scheme.Str("scheme")));
        foreach (var scope in ApiScopes.All)
        {
            Assert.Contains(scope, scheme.Str("description"), StringComparison.Ordinal);
        }

        var codes = components.GetProperty("schemas").GetProperty("ErrorCode").GetProperty("enum").EnumerateArray().Select(c => c.GetString()).ToHashSet();
        foreach (var code in new[]
                 {
                     "refused_mainland", "refused_associated", "refused_claimed", "refused_consumer", "refused_contract", "refused_spender",
                     "refused_enterprise_member", "review_direct_sales", "review_country", "review_online_sales_team", "cap_reached", "not_invitable",
                     "validation_failed", "precondition_failed", "idempotency_key_reused", "rate_limited", "insufficient_scope", "api_key_revoked",
                     "invalid_webhook_url", "unknown_event", "invalid_events", "webhook_address_refused",
                 })
        {
            Assert.Contains(code, codes);
        }

        var problem = components.GetProperty("schemas").GetProperty(nameof(ApiProblem));
        Assert.Equal("#/components/schemas/ErrorCode", problem.GetProperty("properties").GetProperty("code").Str("$ref"));
        var schemas = components.GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();
        foreach (var schema in new[] { nameof(PreregistrationInput), nameof(PreregistrationResource), nameof(BatchResult), nameof(LinkResource), nameof(CustomerResource), nameof(BudgetInput), nameof(HistoryRecordResource), nameof(WebhookInput), nameof(WebhookCreated), nameof(WebhookResource) })
        {
            Assert.Contains(schema, schemas);
        }
    }

    [Fact]
    public async Task The_reference_page_is_served_and_may_run_its_own_script()
    {
        using var anonymous = app.Client(null);
        using var response = await anonymous.GetAsync("scalar/v1");
        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Contains("openapi", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("'unsafe-inline'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // Every other page keeps the strict policy.
        using var signIn = await anonymous.GetAsync("Account/SignIn");
        Assert.DoesNotContain("unsafe-inline", signIn.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    /// <summary>"/api/v1/customers/{id:int}" as OpenAPI writes it: "/api/v1/customers/{id}".</summary>
    private static string OpenApiPath(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+):[^}]+\}", "{$1}").TrimEnd('/');
}
