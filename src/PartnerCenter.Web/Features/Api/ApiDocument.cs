using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PartnerCenter.Core.ApiKeys;

namespace PartnerCenter.Web.Features.Api;

/// <summary>
/// The OpenAPI 3.1 document at /openapi/v1.json: the /api/v1 endpoints (generated from their metadata),
/// the bearer security scheme with each operation's scope, and every error code as the <c>ErrorCode</c> enum.
/// </summary>
public static class ApiDocument
{
    public const string SecuritySchemeName = "ApiKey";

    public static void Configure(OpenApiOptions options)
    {
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Partner Center API",
                Version = "v1",
                Description = "Preregister, invite and follow customers from your CRM. Create a key on Partner Information > API keys " +
                              "and send it as `Authorization: Bearer pc_live_...`. Errors are application/problem+json with a stable `code`. " +
                              $"Every POST takes an `{ApiHttp.IdempotencyHeader}` header; reads answer an `ETag`.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = ApiKey.KeyPrefix + "...",
                Description = "An API key from Partner Information > API keys. Scopes: " + string.Join(", ", ApiScopes.All) + ".",
            };
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas["ErrorCode"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The stable machine code of a problem+json answer.",
                Enum = ApiProblems.AllCodes.Distinct().Select(c => (JsonNode)JsonValue.Create(c)!).ToList(),
            };
            // The problem schema's code is one of the known codes (set here: a schema transformer may not swap in a reference).
            if (document.Components.Schemas.TryGetValue(nameof(ApiProblem), out var problem) && problem is OpenApiSchema { Properties: { } properties })
            {
                properties["code"] = new OpenApiSchemaReference("ErrorCode", document);
            }

            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] = [] }];
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var scope = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiScopeMetadata>().FirstOrDefault()?.Scope;
            if (scope is not null)
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, context.Document)] = [scope] }];
                operation.Description = $"Scope: `{scope}`." + (context.Description.HttpMethod == "POST"
                    ? $" Send an `{ApiHttp.IdempotencyHeader}` to retry safely: the same key and body answer the first response; another body, 422."
                    : "");
            }

            return Task.CompletedTask;
        });
    }
}
