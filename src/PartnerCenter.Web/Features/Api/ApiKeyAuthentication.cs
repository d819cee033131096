using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PartnerCenter.Core.ApiKeys;
using PartnerCenter.Core.Common;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Api;

/// <summary>The scope an endpoint needs: its authorization policy, and what a 403 names.</summary>
public sealed record ApiScopeMetadata(string Scope);

/// <summary>
/// <c>Authorization: Bearer pc_live_...</c> on /api/v1: the key's partner, its scopes as claims, and the
/// admin who created it as the actor. Refusals answer problem+json: 401 with the cause, 403 with the scope.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyQueries keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ScopeClaim = "scope";
    public const string KeyIdClaim = "api_key_id";
    private const string FailureKey = "ApiKeyFailure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        string? presented = null;
        if (header.Length > 0)
        {
            presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        }

        var result = await keys.AuthenticateAsync(presented, Context.RequestAborted);
        if (!result.IsSuccess)
        {
            Context.Items[FailureKey] = result.Error;
            return presented is null ? AuthenticateResult.NoResult() : AuthenticateResult.Fail(result.Error!.Code);
        }

        var caller = result.Value!;
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, caller.ActorUserId),
            new(AppClaims.PartnerId, caller.PartnerId.ToString(CultureInfo.InvariantCulture)),
            new(KeyIdClaim, caller.KeyId.ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange(caller.Scopes.Select(s => new Claim(ScopeClaim, s)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var error = Context.Items[FailureKey] as Error ?? ApiKeyErrors.Missing;
        await ApiProblems.WriteAsync(Context, error);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var scope = Context.GetEndpoint()?.Metadata.GetMetadata<ApiScopeMetadata>()?.Scope ?? "";
        var message = $"This API key does not have the {scope} scope. A partner admin can create a key with it on Partner Information > API keys.";
        await ApiProblems.WriteAsync(Context, new ApiProblem
        {
            Status = StatusCodes.Status403Forbidden, Title = message, Detail = message, Code = ApiProblems.InsufficientScope,
        });
    }
}

public static class ApiCallerExtensions
{
    public static int ApiKeyId(this ClaimsPrincipal user) =>
        int.Parse(user.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim) ?? throw new InvalidOperationException("Not an API caller."), CultureInfo.InvariantCulture);
}
