using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Usage;

namespace PartnerCenter.Web.Features.Usage;

/// <summary>
/// The platform's billing system reports spend: <c>POST /platform/usage</c> with
/// <c>Authorization: Bearer &lt;Platform:ApiKey&gt;</c> and one record or an array of up to 1,000.
/// 200 when every record is recorded or already was; 400 problem+json listing each refused record
/// (the others in the same body are recorded all the same, and listed as accepted); 401 without the key.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Route("platform/usage")]
public sealed partial class PlatformUsageController(
    RecordUsage recordUsage, PlatformApiKey apiKey, ProblemDetailsFactory problems, ILogger<PlatformUsageController> logger) : ControllerBase
{
    /// <summary>1,000 records of a few hundred bytes each fit well within this.</summary>
    public const long MaxBodyBytes = 2 * 1024 * 1024;

    [HttpPost]
    [RequestSizeLimit(MaxBodyBytes)]
    public async Task<IActionResult> Post()
    {
        var ct = HttpContext.RequestAborted;
        if (!apiKey.Accepts(Request.Headers.Authorization.ToString()))
        {
            Response.Headers.WWWAuthenticate = "Bearer";
            return ProblemResult(StatusCodes.Status401Unauthorized, "unauthorized",
                apiKey.IsConfigured ? "A valid platform API key is required (Authorization: Bearer <key>)." : "The usage endpoint is not configured (Platform:ApiKey).");
        }

        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(Request.Body, new JsonDocumentOptions { MaxDepth = 8 }, ct);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return BodyRefused(UsageErrors.MalformedJson);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ProblemResult(StatusCodes.Status413PayloadTooLarge, UsageErrors.TooManyRecords.Code,
                $"The body can be at most {MaxBodyBytes / 1024 / 1024} MB. {UsageErrors.TooManyRecords.Message}");
        }

        var lines = UsageJson.Read(body);
        if (!lines.IsSuccess)
        {
            return BodyRefused(lines.Error!);
        }

        var result = await recordUsage.ExecuteAsync(lines.Value!, ct);
        if (!result.IsSuccess)
        {
            // Lost the race several times in a row (very busy customers): nothing was recorded; send again.
            return ProblemResult(StatusCodes.Status409Conflict, result.Error!.Code, result.Error.Message);
        }

        var outcome = result.Value!;
        var accepted = outcome.Accepted.Select(Accepted).ToList();
        var recorded = outcome.Results.Count(r => r.Status == UsageStatus.Recorded);
        var refused = outcome.Refused.ToList();
        LogReceived(outcome.Results.Count, recorded, accepted.Count - recorded, refused.Count);
        if (refused.Count == 0)
        {
            return Ok(new
            {
                recorded,
                alreadyRecorded = accepted.Count - recorded,
                accepted,
            });
        }

        var problem = problems.CreateProblemDetails(HttpContext, StatusCodes.Status400BadRequest,
            title: "Some usage records were refused.", type: "usage_records_refused",
            detail: $"{refused.Count} of {outcome.Results.Count} records were refused and not recorded; the other {accepted.Count} were accepted " +
                    "(recorded now or already). Correct the refused records and send them again; sending accepted ones again changes nothing.");
        problem.Extensions["code"] = "usage_records_refused";
        problem.Extensions["recorded"] = recorded;
        problem.Extensions["alreadyRecorded"] = accepted.Count - recorded;
        problem.Extensions["refused"] = refused.Select(r => new { index = r.Index, id = r.Id, code = r.Error!.Code, field = r.Error.Field, message = r.Error.Message }).ToList();
        problem.Extensions["accepted"] = accepted;
        return Problem(problem);
    }

    private static object Accepted(UsageResult r) => new
    {
        index = r.Index,
        id = r.Id,
        status = r.Status == UsageStatus.Recorded ? "recorded" : "already_recorded",
        record = r.Record is { } x
            ? new { id = x.Id, customerEmail = x.CustomerEmail, amount = x.Amount, currency = x.Currency, occurredAt = x.OccurredAt, recordedAt = x.RecordedAt }
            : null,
    };

    /// <summary>The whole body is refused (malformed, too many records): nothing was recorded.</summary>
    private ObjectResult BodyRefused(Error error) => ProblemResult(StatusCodes.Status400BadRequest, error.Code, error.Message);

    private ObjectResult ProblemResult(int status, string code, string message)
    {
        var problem = problems.CreateProblemDetails(HttpContext, status, title: message, type: code);
        problem.Extensions["code"] = code;
        return Problem(problem);
    }

    private static ObjectResult Problem(Microsoft.AspNetCore.Mvc.ProblemDetails problem) => new(problem)
    {
        StatusCode = problem.Status,
        ContentTypes = { "application/problem+json" },
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Usage: {Count} records received, {Recorded} recorded, {Replayed} already recorded, {Refused} refused")]
    private partial void LogReceived(int count, int recorded, int replayed, int refused);
}
