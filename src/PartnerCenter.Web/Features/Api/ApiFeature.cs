using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using PartnerCenter.Core.ApiKeys;
using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Preregistrations;
using Scalar.AspNetCore;

namespace PartnerCenter.Web.Features.Api;

/// <summary>Settings of the Partner API (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Requests a minute per API key; over it, 429 with Retry-After.</summary>
    public int RequestsPerMinute { get; set; } = 600;
}

/// <summary>One authorization policy per scope, on the API key scheme only (a browser's cookie never opens the API).</summary>
public static class ApiAuthorization
{
    public static string PolicyFor(string scope) => "api:" + scope;

    public static void Add(AuthorizationOptions options)
    {
        foreach (var scope in ApiScopes.All)
        {
            options.AddPolicy(PolicyFor(scope), policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, scope));
        }
    }
}

public static class ApiFeature
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/scalar";

    /// <summary>The Partner API: key scheme, scope policies, per-key rate limit, JSON, OpenAPI; the API keys page's use cases.</summary>
    public static IServiceCollection AddPartnerApi(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder();
        services.Configure<AuthorizationOptions>(ApiAuthorization.Add);
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(ApiEndpoints.RateLimitPolicy, http => PerKey(http, options.RequestsPerMinute)));
        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        services.AddOpenApi(DocumentName, openApi => ApiDocument.Configure(openApi));
        return services.AddUseCases(
            typeof(ApiKeyQueries),
            typeof(CreateApiKey),
            typeof(RevokeApiKey),
            typeof(IdempotencyStore),
            typeof(PreregistrationQueries),
            typeof(SubmitPreregistration),
            typeof(DeletePreregistrations),
            typeof(InviteCustomers),
            typeof(CreateInvitationLink),
            typeof(InvitationQueries),
            typeof(CustomerSpend),
            typeof(CustomerQueries),
            typeof(SetBudget),
            typeof(FreezeCustomer),
            typeof(AssociationQueries));
    }

    public static void MapPartnerApiWithDocument(this WebApplication app)
    {
        app.MapPartnerApi();
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        app.MapScalarApiReference(ReferencePath, scalar => scalar
            .WithTitle("Partner Center API")
            .DisableDefaultFonts()
            .WithOpenApiRoutePattern(DocumentPath)).AllowAnonymous();
    }

    /// <summary>
    /// Per key: the partition is the SHA-256 of the presented key (the identity the key is stored
    /// under), so it needs no database read and a key's limit is shared by all its callers.
    /// </summary>
    private static RateLimitPartition<string> PerKey(HttpContext http, int perMinute)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var partition = header.Length == 0
            ? "anonymous:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown")
            : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(header)));
        return perMinute <= 0
            ? RateLimitPartition.GetNoLimiter(partition)
            : RateLimitPartition.GetFixedWindowLimiter(partition,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    public static string RetryAfterSeconds(TimeSpan retryAfter) =>
        ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
