using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.ApiKeys;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Web.Features.Api;

/// <summary>One field's problem in a 400 answer.</summary>
public sealed record ApiFieldError(string Field, string Code, string Message);

/// <summary>
/// An <c>application/problem+json</c> answer: the stable <see cref="Code"/> (Core's <see cref="Error.Code"/>),
/// and the message the pages show as <see cref="ProblemDetails.Title"/> and <see cref="ProblemDetails.Detail"/>.
/// </summary>
public sealed class ApiProblem : ProblemDetails
{
    public required string Code { get; init; }

    /// <summary>Validation errors, one per field.</summary>
    public IReadOnlyList<ApiFieldError>? Errors { get; init; }

    /// <summary>When several refusals apply at once: each (code and message); <see cref="Code"/> is the first's.</summary>
    public IReadOnlyList<ApiFieldError>? Causes { get; init; }

    /// <summary>For a manual review: every trigger (code and message); resend with <c>submitForReview: true</c> to submit.</summary>
    public IReadOnlyList<ApiFieldError>? ReviewTriggers { get; init; }
}

/// <summary>
/// The one place a Core <see cref="Error"/> becomes an HTTP status for the Partner API (the pages have
/// theirs in <c>AppController.OutcomeAsync</c>): the kind decides, except for the codes named here.
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    public const string ValidationFailed = "validation_failed";
    public const string InsufficientScope = "insufficient_scope";
    public const string RateLimited = "rate_limited";

    /// <summary>Every code the API can answer, for the OpenAPI document (its <c>ErrorCode</c> enum).</summary>
    public static IReadOnlyList<string> AllCodes { get; } =
    [
        PreregistrationErrors.ChineseMainland.Code, PreregistrationErrors.AssociatedWithAnotherPartner.Code,
        PreregistrationErrors.PreregisteredByAnotherPartner.Code, PreregistrationErrors.ConsumerCloudUser.Code,
        PreregistrationErrors.SignedContract.Code, PreregistrationErrors.CashExpenditure.Code, PreregistrationErrors.EnterpriseMember.Code,
        PreregistrationErrors.ReviewNeeded(ReviewTrigger.DirectSales).Code, PreregistrationErrors.ReviewNeeded(ReviewTrigger.Country).Code,
        PreregistrationErrors.ReviewNeeded(ReviewTrigger.OnlineSalesTeam).Code,
        PreregistrationErrors.CapReached.Code, PreregistrationErrors.NotInvitable(PreregistrationStatus.Expired).Code,
        PreregistrationErrors.AlreadyYourCustomer.Code, PreregistrationErrors.AlreadyPreregisteredByYou.Code,
        PreregistrationErrors.NoReservedContact.Code, PreregistrationErrors.CannotDelete(PreregistrationStatus.PendingReview).Code,
        Core.Invitations.InvitationErrors.PrepaidPartner.Code, Core.Invitations.InvitationErrors.NothingSelected.Code,
        Core.Invitations.InviteCustomers.TooMany.Code, BudgetSetting.Invalid.Code, FreezeCustomer.InvalidReason.Code, "no_change",
        SetBudget.Stale.Code, UnitOfWork.Changed.Code, "not_found", "invalid_input",
        PreregistrationErrors.NotActionRequired(PreregistrationStatus.Expired).Code, PreregistrationErrors.FieldNotReturned.Code,
        PreregistrationErrors.ExtensionNotAllowed(PreregistrationStatus.Expired).Code, PreregistrationErrors.ExtensionAlreadyRequested.Code,
        PreregistrationErrors.ExtensionReasonRequired.Code, ResubmitPreregistration.InvalidMobile.Code, "invalid_name",
        ValidationFailed, InsufficientScope, RateLimited,
        ApiKeyErrors.Missing.Code, ApiKeyErrors.Invalid.Code, ApiKeyErrors.Revoked.Code, ApiKeyErrors.Expired.Code,
        IdempotencyStore.KeyReused.Code, IdempotencyStore.InProgress.Code, IdempotencyStore.InvalidKey.Code,
        Core.Webhooks.WebhookErrors.InvalidUrl.Code, Core.Webhooks.WebhookErrors.AddressRefused.Code,
        Core.Webhooks.WebhookErrors.NoEvents.Code, Core.Webhooks.WebhookErrors.UnknownEvent.Code,
    ];

    public static int StatusOf(Error error) => error.Code switch
    {
        _ when error == SetBudget.Stale => StatusCodes.Status412PreconditionFailed,
        _ when error == IdempotencyStore.KeyReused => StatusCodes.Status422UnprocessableEntity,
        _ when error == IdempotencyStore.InvalidKey => StatusCodes.Status400BadRequest,
        _ when error == ApiKeyErrors.Missing || error == ApiKeyErrors.Invalid || error == ApiKeyErrors.Revoked || error == ApiKeyErrors.Expired
            => StatusCodes.Status401Unauthorized,
        _ => error.Kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Field => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status422UnprocessableEntity,
        },
    };

    public static ApiProblem ProblemOf(Error error) => new()
    {
        Status = StatusOf(error),
        Title = error.Message,
        Detail = error.Message,
        Code = error.Code,
        Errors = error.Kind == ErrorKind.Field ? [new ApiFieldError(FieldName(error.Field ?? ""), error.Code, error.Message)] : null,
        Causes = error.Causes?.Select(c => new ApiFieldError(FieldName(c.Field ?? ""), c.Code, c.Message)).ToList(),
    };

    public static ApiProblem RateLimitedProblem(TimeSpan retryAfter)
    {
        var message = $"Too many requests with this API key. Retry in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} seconds.";
        return new ApiProblem { Status = StatusCodes.Status429TooManyRequests, Title = message, Detail = message, Code = RateLimited };
    }

    /// <summary>A property as JSON spells it (camelCase); a header keeps its own name.</summary>
    private static string FieldName(string field) => field.Contains('-', StringComparison.Ordinal) ? field : JsonNamingPolicy.CamelCase.ConvertName(field);

    public static IResult From(Error error) => Write(ProblemOf(error));

    /// <summary>Input that fails the same validators the pages use: 400 with each field's message.</summary>
    public static IResult Validation(IEnumerable<ApiFieldError> errors)
    {
        var list = errors.ToList();
        return Write(new ApiProblem
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Check the fields and try again.",
            Detail = string.Join(" ", list.Select(e => e.Message)),
            Code = ValidationFailed,
            Errors = list,
        });
    }

    public static IResult Write(ApiProblem problem) =>
        TypedResults.Json(problem, ApiJson.Options, ContentType, problem.Status ?? StatusCodes.Status500InternalServerError);

    public static Task WriteAsync(HttpContext http, Error error) => WriteAsync(http, ProblemOf(error));

    public static async Task WriteAsync(HttpContext http, ApiProblem problem)
    {
        http.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        await http.Response.WriteAsJsonAsync(problem, ApiJson.Options, ContentType, http.RequestAborted);
    }
}

public static class ApiJson
{
    /// <summary>camelCase names and enum values, as the issue asks.</summary>
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        return options;
    }
}
