using System.Security.Claims;
using PartnerCenter.Core.Webhooks;
using PartnerCenter.Web.Security;
using Scopes = PartnerCenter.Core.ApiKeys.ApiScopes;

namespace PartnerCenter.Web.Features.Api;

/// <param name="Url">An HTTPS URL of a public address.</param>
/// <param name="Events">Event types, from: preregistration.created, preregistration.approved, preregistration.rejected,
/// preregistration.expired, invitation.sent, invitation.failed, invitation.opened, customer.associated, association.failed,
/// customer.frozen, customer.unfrozen.</param>
public sealed record WebhookInput(string? Url, IReadOnlyList<string>? Events);

public sealed record WebhookResource(int Id, string Url, IReadOnlyList<string> Events, DateTime CreatedAt, DateTime? SecretRotatedAt)
{
    public static WebhookResource Of(WebhookEndpointRow row) => new(row.Id, row.Url, row.Events, row.CreatedAt, row.SecretRotatedAt);
}

/// <param name="Secret">The signing secret: shown in this answer only. Verify each delivery's X-PartnerCenter-Signature with it.</param>
public sealed record WebhookCreated(int Id, string Url, IReadOnlyList<string> Events, DateTime CreatedAt, string Secret);

/// <summary>/api/v1/webhooks: register, list and delete webhook endpoints (scope <c>webhooks:manage</c>), over the page's use cases.</summary>
public static class WebhookApiEndpoints
{
    public static void MapWebhookApi(this RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks");
        webhooks.MapPost("", CreateAsync).Scope(Scopes.WebhooksManage).WithName("CreateWebhook")
            .WithSummary("Register a webhook endpoint; the answer holds its signing secret, once")
            .Produces<WebhookCreated>(StatusCodes.Status201Created).Problems(400);
        webhooks.MapGet("", ListAsync).Scope(Scopes.WebhooksManage).WithName("ListWebhooks")
            .WithSummary("The partner's webhook endpoints").Produces<IReadOnlyList<WebhookResource>>();
        webhooks.MapDelete("/{id:int}", DeleteAsync).Scope(Scopes.WebhooksManage).WithName("DeleteWebhook")
            .WithSummary("Delete a webhook endpoint: nothing more is sent to it").Produces(StatusCodes.Status204NoContent).Problems(404);
    }

    private static async Task<IResult> CreateAsync(WebhookInput input, ClaimsPrincipal user, CreateWebhookEndpoint create, CancellationToken ct)
    {
        var result = await create.ExecuteAsync(user.UserId(), user.PartnerId(), new WebhookRequest(input.Url, input.Events ?? []), ct);
        if (!result.IsSuccess)
        {
            return ApiProblems.From(result.Error!);
        }

        var created = result.Value!;
        return TypedResults.Created($"{ApiEndpoints.Prefix}/webhooks/{created.Id}",
            new WebhookCreated(created.Id, created.Url, created.Events, created.CreatedAt, created.Secret));
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, WebhookQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.ListAsync(user.PartnerId(), ct)).Select(WebhookResource.Of).ToList());

    private static async Task<IResult> DeleteAsync(int id, ClaimsPrincipal user, DeleteWebhookEndpoint delete, CancellationToken ct)
    {
        var result = await delete.ExecuteAsync(user.UserId(), user.PartnerId(), id, ct);
        return result.IsSuccess ? TypedResults.NoContent() : ApiProblems.From(result.Error!);
    }
}
