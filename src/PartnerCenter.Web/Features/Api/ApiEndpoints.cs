using System.Globalization;
using System.Security.Claims;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Infrastructure.QrCodes;
using PartnerCenter.Web.Features.Customers;
using PartnerCenter.Web.Features.Preregistrations;
using PartnerCenter.Web.Security;
using Scopes = PartnerCenter.Core.ApiKeys.ApiScopes;

namespace PartnerCenter.Web.Features.Api;

/// <summary>
/// The Partner API, /api/v1: thin endpoints over the same Core use cases and validators the pages call.
/// Each checks the input's shape with the page's validator, calls one use case, and turns its result
/// into JSON or, through <see cref="ApiProblems"/>, into problem+json.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";
    public const string RateLimitPolicy = "api";

    public static void MapPartnerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix)
            .RequireRateLimiting(RateLimitPolicy)
            .WithTags("Partner API")
            .ProducesProblem(StatusCodes.Status401Unauthorized, ApiProblems.ContentType)
            .ProducesProblem(StatusCodes.Status403Forbidden, ApiProblems.ContentType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests, ApiProblems.ContentType);

        var preregistrations = api.MapGroup("/preregistrations");
        preregistrations.MapPost("", SubmitAsync).Scope(Scopes.PreregistrationsWrite).WithName("CreatePreregistration")
            .WithSummary("Preregister a customer").Produces<PreregistrationCreated>(StatusCodes.Status201Created).Problems(400, 409, 422);
        preregistrations.MapGet("", ListAsync).Scope(Scopes.PreregistrationsRead).WithName("ListPreregistrations")
            .WithSummary("List preregistrations (status filter, email or name search, cursor paging)").Produces<Page<PreregistrationResource>>().Problems(400);
        preregistrations.MapGet("/{id:guid}", GetAsync).Scope(Scopes.PreregistrationsRead).WithName("GetPreregistration")
            .WithSummary("One preregistration").Produces<PreregistrationResource>().Problems(404);
        preregistrations.MapDelete("/{id:guid}", DeleteAsync).Scope(Scopes.PreregistrationsWrite).WithName("DeletePreregistration")
            .WithSummary("Delete a preregistration").Produces(StatusCodes.Status204NoContent).Problems(404, 409, 422);
        api.MapPost("/preregistrations:batchDelete", BatchDeleteAsync).Scope(Scopes.PreregistrationsWrite).WithName("BatchDeletePreregistrations")
            .WithSummary("Delete up to 100 preregistrations; per-item results").Produces<BatchResult>().Problems(404, 409, 422);
        preregistrations.MapPost("/{id:guid}/link", LinkAsync).Scope(Scopes.InvitationsWrite).WithName("CreateInvitationLink")
            .WithSummary("Mint an invitation link with its QR code").Produces<LinkResource>(StatusCodes.Status201Created).Problems(404, 422);
        preregistrations.MapGet("/{id:guid}/invitations", InvitationHistoryAsync).Scope(Scopes.PreregistrationsRead).WithName("ListInvitationHistory")
            .WithSummary("A preregistration's invitation history (sent, failed, opened, used)").Produces<InvitationHistoryResource>().Problems(404);
        preregistrations.MapPost("/{id:guid}/resubmit", ResubmitAsync).Scope(Scopes.PreregistrationsWrite).WithName("ResubmitPreregistration")
            .WithSummary("Correct the fields an ecosystem manager marked (Action required) and resubmit for review")
            .Produces<PreregistrationResource>().Problems(400, 404, 409, 422);
        preregistrations.MapPost("/{id:guid}/extension", RequestExtensionAsync).Scope(Scopes.PreregistrationsWrite).WithName("RequestExtension")
            .WithSummary("Ask for 15 more days (Preregistered, in its last 5 days, once per claim)")
            .Produces<PreregistrationResource>().Problems(400, 404, 409, 422);
        api.MapPost("/invitations", InviteAsync).Scope(Scopes.InvitationsWrite).WithName("SendInvitations")
            .WithSummary("Invite 1 to 100 preregistered customers by email; per-item results").Produces<BatchResult>().Problems(404, 422);

        var customers = api.MapGroup("/customers");
        customers.MapGet("", CustomersAsync).Scope(Scopes.CustomersRead).WithName("ListCustomers")
            .WithSummary("The partner's associated customers").Produces<IReadOnlyList<CustomerResource>>();
        customers.MapGet("/{id:int}", CustomerAsync).Scope(Scopes.CustomersRead).WithName("GetCustomer")
            .WithSummary("One customer; its ETag is what If-Match takes").Produces<CustomerResource>().Problems(404);
        customers.MapPut("/{id:int}/budget", SetBudgetAsync).Scope(Scopes.CustomersWrite).WithName("SetCustomerBudget")
            .WithSummary("Set a customer's budget (If-Match: the customer's ETag)").Produces<CustomerResource>().Problems(400, 404, 409, 412, 422);
        customers.MapPost("/{id:int}/freeze", (int id, ReasonInput input, ClaimsPrincipal user, FreezeCustomer freeze, CustomerQueries queries, IValidator<FreezeModel> validator, CancellationToken ct)
                => FreezeAsync(id, true, input, user, freeze, queries, validator, ct))
            .Scope(Scopes.CustomersWrite).WithName("FreezeCustomer").WithSummary("Freeze a customer's account (reason required)")
            .Produces<CustomerResource>().Problems(400, 404, 409, 422);
        customers.MapPost("/{id:int}/unfreeze", (int id, ReasonInput input, ClaimsPrincipal user, FreezeCustomer freeze, CustomerQueries queries, IValidator<FreezeModel> validator, CancellationToken ct)
                => FreezeAsync(id, false, input, user, freeze, queries, validator, ct))
            .Scope(Scopes.CustomersWrite).WithName("UnfreezeCustomer").WithSummary("Unfreeze a customer's account (reason required)")
            .Produces<CustomerResource>().Problems(400, 404, 409, 422);

        api.MapGet("/history-records", HistoryRecordsAsync).Scope(Scopes.PreregistrationsRead).WithName("ListHistoryRecords")
            .WithSummary("Association outcomes (History Records)").Produces<Page<HistoryRecordResource>>().Problems(400);

        api.MapWebhookApi();
    }

    internal static RouteHandlerBuilder Scope(this RouteHandlerBuilder endpoint, string scope) =>
        endpoint.RequireAuthorization(ApiAuthorization.PolicyFor(scope)).WithMetadata(new ApiScopeMetadata(scope));

    internal static RouteHandlerBuilder Problems(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            endpoint.Produces<ApiProblem>(status, ApiProblems.ContentType);
        }

        return endpoint;
    }

    private static async Task<IResult> SubmitAsync(
        PreregistrationInput input, ClaimsPrincipal user, SubmitPreregistration submit, PreregistrationQueries queries,
        IValidator<PreregisterModel> validator, CancellationToken ct)
    {
        var model = new PreregisterModel { FullName = input.Name, Email = input.Email, Mobile = input.Mobile, SendInvitation = input.SendInvitation };
        if (await ValidateAsync(validator, model, ("FullName", "name"), ("Email", "email"), ("Mobile", "mobile"), ct) is { } invalid)
        {
            return invalid;
        }

        var request = new PreregistrationRequest(model.FullName!, model.Email!, model.Mobile!, input.SendInvitation, input.SubmitForReview);
        var result = await submit.ExecuteAsync(user.UserId(), user.PartnerId(), request, ct);
        if (!result.IsSuccess)
        {
            return ApiProblems.From(result.Error!);
        }

        var outcome = result.Value!;
        if (outcome.Kind == SubmissionKind.ReviewOffered)
        {
            var triggers = outcome.Triggers.Select(PreregistrationErrors.ReviewNeeded).ToList();
            return ApiProblems.Write(new ApiProblem
            {
                Status = ApiProblems.StatusOf(triggers[0]),
                Code = triggers[0].Code,
                Title = triggers[0].Message,
                Detail = string.Join(" ", triggers.Select(t => t.Message)) + " Send it again with submitForReview: true to submit it for manual review.",
                ReviewTriggers = triggers.Select(t => new ApiFieldError("", t.Code, t.Message)).ToList(),
            });
        }

        var record = outcome.Record!;
        var row = PreregistrationResource.Of((await queries.RowAsync(user.PartnerId(), record.Id, ct)).Value!);
        var refused = outcome.InvitationRefused is { } r ? new ApiMessage(r.Code, r.Message) : null;
        return TypedResults.Created($"{Prefix}/preregistrations/{record.Id}", new PreregistrationCreated(row, outcome.InvitationQueued, refused));
    }

    private static async Task<IResult> ListAsync(
        ClaimsPrincipal user, PreregistrationQueries queries, CancellationToken ct,
        string? status = null, string? search = null, string? cursor = null, int limit = 20)
    {
        var errors = new List<ApiFieldError>();
        PreregistrationStatus? filter = null;
        if (status is not null)
        {
            if (Enum.TryParse<PreregistrationStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _))
            {
                filter = parsed;
            }
            else
            {
                errors.Add(new ApiFieldError("status", "invalid_status",
                    "Choose a status: " + string.Join(", ", Enum.GetValues<PreregistrationStatus>().Select(s => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.ToString()))) + "."));
            }
        }

        var page = Cursor.Decode(cursor);
        if (page is null)
        {
            errors.Add(new ApiFieldError("cursor", "invalid_cursor", "Pass the nextCursor of a previous page, or none."));
        }

        if (limit is < 1 or > PreregistrationQueries.MaxPageSize)
        {
            errors.Add(new ApiFieldError("limit", "invalid_limit", $"The limit is 1 to {PreregistrationQueries.MaxPageSize}."));
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var list = await queries.ListAsync(user.PartnerId(), new ListRequest(filter, search, OldestFirst: false, page!.Value, limit), ct);

        // The list clamps a page past the end to the last one; a cursor past the end reads as empty.
        var items = page.Value > list.PageCount ? [] : list.Rows.Select(PreregistrationResource.Of).ToList();
        return TypedResults.Ok(new Page<PreregistrationResource>(items, list.Total, page.Value < list.PageCount ? Cursor.Encode(page.Value + 1) : null));
    }

    private static async Task<IResult> ResubmitAsync(
        Guid id, ResubmitInput input, ClaimsPrincipal user, ResubmitPreregistration resubmit, PreregistrationQueries queries, CancellationToken ct)
    {
        var result = await resubmit.ExecuteAsync(user.UserId(), user.PartnerId(), id, new Resubmission(input.Name, input.Mobile), ct);
        return result.IsSuccess ? await GetAsync(id, user, queries, ct) : ApiProblems.From(result.Error!);
    }

    private static async Task<IResult> RequestExtensionAsync(
        Guid id, ReasonInput input, ClaimsPrincipal user, RequestExtension request, PreregistrationQueries queries, CancellationToken ct)
    {
        var result = await request.ExecuteAsync(user.UserId(), user.PartnerId(), id, input.Reason, ct);
        return result.IsSuccess ? await GetAsync(id, user, queries, ct) : ApiProblems.From(result.Error!);
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, PreregistrationQueries queries, CancellationToken ct) =>
        await queries.RowAsync(user.PartnerId(), id, ct) is { IsSuccess: true } row
            ? TypedResults.Ok(PreregistrationResource.Of(row.Value!))
            : ApiProblems.From(Error.NotFound("Preregistration"));

    private static async Task<IResult> DeleteAsync(Guid id, ClaimsPrincipal user, DeletePreregistrations delete, CancellationToken ct)
    {
        var result = await delete.ExecuteAsync(user.UserId(), user.PartnerId(), [id], ct);
        if (!result.IsSuccess)
        {
            return ApiProblems.From(result.Error!);
        }

        var item = result.Value![0];
        return item.Deleted
            ? TypedResults.NoContent()
            : ApiProblems.From(new Error(item.Code ?? "cannot_delete", item.Reason ?? ""));
    }

    private static async Task<IResult> BatchDeleteAsync(IdsInput input, ClaimsPrincipal user, DeletePreregistrations delete, CancellationToken ct)
    {
        var result = await delete.ExecuteAsync(user.UserId(), user.PartnerId(), input.Ids ?? [], ct);
        return result.IsSuccess
            ? TypedResults.Ok(new BatchResult(result.Value!.Select(r => new ItemResult(r.Id, r.Deleted, r.Code, r.Reason)).ToList()))
            : ApiProblems.From(result.Error!);
    }

    private static async Task<IResult> InviteAsync(InvitationsInput input, ClaimsPrincipal user, InviteCustomers invite, CancellationToken ct)
    {
        var result = await invite.ExecuteAsync(user.UserId(), user.PartnerId(), input.PreregistrationIds ?? [], ct);
        return result.IsSuccess
            ? TypedResults.Ok(new BatchResult(result.Value!.Select(r => new ItemResult(r.Id, r.Queued, r.Code, r.Reason)).ToList()))
            : ApiProblems.From(result.Error!);
    }

    private static async Task<IResult> LinkAsync(Guid id, ClaimsPrincipal user, CreateInvitationLink createLink, CancellationToken ct)
    {
        var result = await createLink.ExecuteAsync(user.UserId(), user.PartnerId(), id, ct);
        if (!result.IsSuccess)
        {
            return ApiProblems.From(result.Error!);
        }

        var link = result.Value!;
        return TypedResults.Created((string?)null, new LinkResource(link.PreregistrationId, link.Url, link.ExpiresAt,
            "data:image/png;base64," + Convert.ToBase64String(QrCodes.Png(link.Url)),
            "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(QrCodes.Svg(link.Url)))));
    }

    private static async Task<IResult> InvitationHistoryAsync(Guid id, ClaimsPrincipal user, InvitationQueries queries, CancellationToken ct)
    {
        var result = await queries.HistoryAsync(user.PartnerId(), id, ct);
        return result.IsSuccess
            ? TypedResults.Ok(new InvitationHistoryResource(id, result.Value!.Lines.Select(l => new InvitationHistoryItem(l.At, l.Kind, l.Channel, l.Detail)).ToList()))
            : ApiProblems.From(result.Error!);
    }

    private static async Task<IResult> CustomersAsync(ClaimsPrincipal user, CustomerQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.ListAsync(user.PartnerId(), ct)).Select(CustomerResource.Of).ToList());

    private static async Task<IResult> CustomerAsync(int id, HttpContext http, CustomerQueries queries, CancellationToken ct)
    {
        var customer = (await queries.ListAsync(http.User.PartnerId(), ct, [id])).FirstOrDefault();
        if (customer is null)
        {
            return ApiProblems.From(Error.NotFound("Customer"));
        }

        http.Response.Headers.ETag = CustomerETag.Of(customer);
        return TypedResults.Ok(CustomerResource.Of(customer));
    }

    private static async Task<IResult> SetBudgetAsync(
        int id, BudgetInput input, HttpContext http, SetBudget setBudget, CustomerQueries queries, IValidator<SetBudgetModel> validator, CancellationToken ct)
    {
        var model = new SetBudgetModel { Ids = [id], Type = input.Type, Amount = input.Amount, OnExhaustion = input.OnExhaustion ?? FreezeOnExhaustion.Manually, UnfreezeNow = input.UnfreezeNow };
        if (await ValidateAsync(validator, model, ("Type", "type"), ("Amount", "amount"), ("OnExhaustion", "onExhaustion"), ct) is { } invalid)
        {
            return invalid;
        }

        int? expected = null;
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (ifMatch.Length > 0 && ifMatch != "*")
        {
            // An ETag that is not a version of this customer can only be stale.
            expected = CustomerETag.VersionIn(ifMatch, id) ?? -1;
        }

        var setting = new BudgetSetting(model.Type!.Value, model.Amount!.Value, model.OnExhaustion, model.UnfreezeNow);
        var result = await setBudget.ExecuteAsync(http.User.UserId(), http.User.PartnerId(), [id], setting, ct, expected);
        return result.IsSuccess ? await CustomerAsync(id, http, queries, ct) : ApiProblems.From(result.Error!);
    }

    private static async Task<IResult> FreezeAsync(
        int id, bool freeze, ReasonInput input, ClaimsPrincipal user, FreezeCustomer freezeCustomer, CustomerQueries queries,
        IValidator<FreezeModel> validator, CancellationToken ct)
    {
        var model = new FreezeModel { Id = id, Freeze = freeze, Reason = input.Reason };
        if (await ValidateAsync(validator, model, ("Reason", "reason"), default, default, ct) is { } invalid)
        {
            return invalid;
        }

        var result = await freezeCustomer.ExecuteAsync(user.UserId(), user.PartnerId(), id, freeze, input.Reason!, ct);
        if (!result.IsSuccess)
        {
            return ApiProblems.From(result.Error!);
        }

        var customer = (await queries.ListAsync(user.PartnerId(), ct, [id])).Single();
        return TypedResults.Ok(CustomerResource.Of(customer));
    }

    private static async Task<IResult> HistoryRecordsAsync(ClaimsPrincipal user, AssociationQueries queries, CancellationToken ct, string? cursor = null)
    {
        if (Cursor.Decode(cursor) is not { } page)
        {
            return ApiProblems.Validation([new ApiFieldError("cursor", "invalid_cursor", "Pass the nextCursor of a previous page, or none.")]);
        }

        var (rows, total, _) = await queries.HistoryAsync(user.PartnerId(), page, failedOnly: false, ct);
        var more = page * AssociationQueries.HistoryPageSize < total;
        return TypedResults.Ok(new Page<HistoryRecordResource>(rows.Select(HistoryRecordResource.Of).ToList(), total, more ? Cursor.Encode(page + 1) : null));
    }

    /// <summary>The page's validator on the API's input; field names as the API spells them.</summary>
    private static async Task<IResult?> ValidateAsync<T>(
        IValidator<T> validator, T model, (string Property, string Field) a, (string Property, string Field) b, (string Property, string Field) c, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(model, ct);
        if (result.IsValid)
        {
            return null;
        }

        var names = new[] { a, b, c }.Where(n => n.Property is not null).ToDictionary(n => n.Property, n => n.Field);
        return ApiProblems.Validation(result.Errors.Select(e => new ApiFieldError(
            names.GetValueOrDefault(e.PropertyName, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName)),
            "invalid_" + System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(names.GetValueOrDefault(e.PropertyName, e.PropertyName)),
            e.ErrorMessage)).DistinctBy(e => (e.Field, e.Message)));
    }
}

/// <summary>A customer's ETag is its row version: what If-Match on its budget is checked against.</summary>
public static class CustomerETag
{
    public static string Of(CustomerRow customer) => string.Create(CultureInfo.InvariantCulture, $"\"c{customer.Id}-v{customer.Version}\"");

    public static int? VersionIn(string ifMatch, int id)
    {
        var tag = ifMatch.Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal))
        {
            tag = tag[2..];
        }

        var expectedStart = string.Create(CultureInfo.InvariantCulture, $"\"c{id}-v");
        return tag.StartsWith(expectedStart, StringComparison.Ordinal) && tag.EndsWith('"')
               && int.TryParse(tag[expectedStart.Length..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : null;
    }
}

/// <summary>An opaque paging cursor (the next page's number, base64url); clients pass back what they got.</summary>
public static class Cursor
{
    public static string Encode(int page) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("p" + page.ToString(CultureInfo.InvariantCulture))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The page a cursor stands for; 1 without one; null for one that was not made here.</summary>
    public static int? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 1;
        }

        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            return text.StartsWith('p') && int.TryParse(text[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
