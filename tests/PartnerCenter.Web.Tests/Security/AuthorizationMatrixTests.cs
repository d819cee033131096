using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using PartnerCenter.Web.Tests.Associations;

namespace PartnerCenter.Web.Tests.Security;

/// <summary>
/// Every route of the app (read from its own endpoint data) against every actor. Ids belong to
/// Northwind, so Contoso's admin must get 404 where Northwind's users get the page.
/// </summary>
public sealed class AuthorizationMatrixTests(TestApp app) : AppTest<TestApp>(app)
{
    /// <summary>Column order of the expectation strings.</summary>
    private static readonly string?[] Actors =
    [
        null,
        DemoUsers.Customer,
        DemoUsers.NorthwindIntern,
        DemoUsers.NorthwindSales,
        DemoUsers.NorthwindAdmin,
        DemoUsers.ContosoAdmin,
        DemoUsers.EcosystemManager,
    ];

    private sealed record Request(string Url, (string Name, string? Value)[]? Form = null);

    private sealed record Row(string Expected, Func<Task<Request>> Build, bool FreshClient = false);

    // O = 2xx, R = redirect elsewhere (success), S = redirect to sign-in, F = 403 or access denied, N = 404, B = 400, E = 500 page,
    // U = 401 (the platform's machine endpoint: a bearer key, never a cookie).
    // The access-denied page itself answers 403; signing out redirects to the sign-in page.
    //                                     anon cust intern sales admin contoso em
    private Dictionary<string, Row> Table() => new()
    {
        ["GET Account/SignIn"] = new("OOOOOOO", () => Get("/Account/SignIn")),
        ["POST Account/SignIn"] = new("OOOOOOO", () => Post("/Account/SignIn", ("Email", "nobody@nowhere.example"), ("Password", "wrong")), FreshClient: true),
        ["POST Account/SignOut"] = new("SSSSSSS", () => Post("/Account/SignOut"), FreshClient: true),
        ["GET Account/AccessDenied"] = new("FFFFFFF", () => Get("/Account/AccessDenied")),
        // The header's language switch: everyone, signed in or not, and back to the page (here Home).
        ["POST Language/Set"] = new("RRRRRRR", () => Post("/Language/Set", ("culture", "en"), ("returnUrl", "/"))),
        ["GET Home/Index"] = new("SOOOOOO", () => Get("/")),
        ["GET Profile/Index"] = new("SOOOOOO", () => Get("/Profile")),
        // An unknown zone: the form again with its message, for everyone signed in; nothing changes.
        ["POST Profile/Index"] = new("SOOOOOO", () => Post("/Profile", ("TimeZoneId", "Mars/Olympus"))),
        ["GET Home/Status"] = new("NNNNNNN", () => Get("/Home/Status/404")),
        // Visited directly (no exception to report) the error page still says 500; it is never a stack trace.
        ["GET Home/Error"] = new("NNNNNNN", () => Get("/Home/Error")),
        ["GET Audit/Trail"] = new("SFFFONO", async () => Req($"/Audit/Preregistration/{await AuditedRecordAsync()}")),
        ["GET Audit/Reveals"] = new("SFFFOOO", () => Get("/Audit/Reveals")),
        ["GET CustomerDevelopment/Index"] = new("SFFOOOF", () => Get("/CustomerDevelopment")),
        ["GET CustomerDevelopment/History"] = new("SFFOOOF", () => Get("/CustomerDevelopment/History")),
        ["GET CustomerDevelopment/BackgroundAssociation"] = new("SFFOONF", async () => Req($"/CustomerDevelopment/BackgroundAssociation/{await App.AddNorthwindRecordAsync()}")),
        ["POST CustomerDevelopment/BackgroundAssociation"] = new("SFFOONF", async () => Form($"/CustomerDevelopment/BackgroundAssociation/{await App.AddNorthwindRecordAsync()}", ("Reason", ""), ("Contact", ""))),
        ["GET CustomerDevelopment/Preregister"] = new("SFFOOOF", () => Get("/CustomerDevelopment/Preregister")),
        ["POST CustomerDevelopment/Preregister"] = new("SFFOOOF", () => Post("/CustomerDevelopment/Preregister", ("FullName", ""), ("Email", ""), ("Mobile", ""))),
        ["GET CustomerDevelopment/Resubmit"] = new("SFFOONF", async () => Req($"/CustomerDevelopment/Resubmit/{await App.AddNorthwindReturnedRecordAsync()}")),
        // The marked name left empty: the form again with its message.
        ["POST CustomerDevelopment/Resubmit"] = new("SFFOONF", async () => Form("/CustomerDevelopment/Resubmit", ("Id", (await App.AddNorthwindReturnedRecordAsync()).ToString()), ("Name", ""))),
        ["GET CustomerDevelopment/RequestExtension"] = new("SFFOONF", async () => Req($"/CustomerDevelopment/RequestExtension/{await App.AddNorthwindLapsingRecordAsync()}")),
        // No reason: the form again with its message.
        ["POST CustomerDevelopment/RequestExtension"] = new("SFFOONF", async () => Form("/CustomerDevelopment/RequestExtension", ("Id", (await App.AddNorthwindLapsingRecordAsync()).ToString()), ("Reason", ""))),
        ["POST CustomerDevelopment/Delete"] = new("SFFRRNF", async () => Form("/CustomerDevelopment/Delete", ("ids", (await App.AddNorthwindRecordAsync()).ToString()), ("returnUrl", "/CustomerDevelopment"))),
        ["GET CustomerDevelopment/Import"] = new("SFFOOOF", () => Get("/CustomerDevelopment/Import")),
        // No file: the form again with its message.
        ["POST CustomerDevelopment/Import"] = new("SFFOOOF", () => Post("/CustomerDevelopment/Import")),
        ["GET CustomerDevelopment/ImportTemplate"] = new("SFFOOOF", () => Get("/CustomerDevelopment/ImportTemplate")),
        ["GET CustomerDevelopment/ImportResult"] = new("SFFOONF", async () => Req($"/CustomerDevelopment/ImportResult/{await NorthwindImportAsync()}")),
        ["GET CustomerDevelopment/ImportResultFile"] = new("SFFOONF", async () => Req($"/CustomerDevelopment/ImportResultFile/{await NorthwindImportAsync()}")),
        // The batch has only an invalid row: applying it saves no preregistration; a second apply is told it started.
        ["POST CustomerDevelopment/ImportApply"] = new("SFFRRNF", async () => new Request($"/CustomerDevelopment/ImportApply/{await NorthwindImportAsync()}", [])),
        ["POST CustomerDevelopment/ImportContinue"] = new("SFFRRNF", async () => new Request($"/CustomerDevelopment/ImportContinue/{await NorthwindImportAsync()}", [])),
        ["GET CustomerDevelopment/Export"] = new("SFFFOOF", () => Get("/CustomerDevelopment/Export")),
        ["POST CustomerDevelopment/Reveal"] = new("SFFRRRF", () => Post("/CustomerDevelopment/Reveal", ("column", "Name"), ("show", "false"), ("returnUrl", "/CustomerDevelopment"))),
        ["POST Invitations/Confirm"] = new("SFFOONF", async () => Form("/Invitations/Confirm", ("ids", (await App.AddNorthwindRecordAsync()).ToString()), ("returnUrl", "/CustomerDevelopment"))),
        ["POST Invitations/Send"] = new("SFFRRNF", async () => Form("/Invitations/Send", ("ids", (await App.AddNorthwindRecordAsync()).ToString()), ("returnUrl", "/CustomerDevelopment"))),
        ["GET Invitations/Preview"] = new("SFFOONF", async () => Req($"/Invitations/Preview/{await App.AddNorthwindRecordAsync()}")),
        ["GET Invitations/Link"] = new("SFFOONF", async () => Req($"/Invitations/Link/{await App.AddNorthwindRecordAsync()}")),
        ["POST Invitations/Link"] = new("SFFRRNF", async () => Form($"/Invitations/Link/{await App.AddNorthwindRecordAsync()}")),
        ["POST Invitations/Revoke"] = new("SFFRRNF", async () => Form($"/Invitations/Revoke/{await FreshInvitationIdAsync()}")),
        ["GET Invitations/History"] = new("SFFOONF", async () => Req($"/Invitations/History/{await App.AddNorthwindRecordAsync()}")),
        ["POST Invite/Decline"] = new("OOOOOOO", async () => Form($"/invite/{await FreshTokenAsync()}/decline", ("Reason", ""))),
        ["GET Invite/Landing"] = new("OOOOOOO", async () => Req($"/invite/{await FreshTokenAsync()}")),
        ["GET Invite/Register"] = new("OOOOOOO", async () => Req($"/invite/{await FreshTokenAsync()}/register")),
        ["POST Invite/Register"] = new("OOOOOOO", async () => Form($"/invite/{await FreshTokenAsync()}/register", ("FullName", ""), ("Password", ""), ("ConfirmPassword", "")), FreshClient: true),
        ["POST Invite/Associate"] = new("SOOOOOO", async () => Form($"/invite/{await FreshTokenAsync()}/associate", ("Consent", "false"))),
        ["GET Customers/Index"] = new("SFFOOOF", () => Get("/Customers")),
        ["GET Customers/Export"] = new("SFFFOOF", () => Get("/Customers/Export")),
        ["POST Customers/Budget"] = new("SFFOONF", async () => Form("/Customers/Budget", ("ids", (await App.NorthwindCustomerIdAsync()).ToString(CultureInfo.InvariantCulture)))),
        ["POST Customers/SetBudget"] = new("SFFOONF", async () => Form("/Customers/SetBudget", ("Ids", (await App.NorthwindCustomerIdAsync()).ToString(CultureInfo.InvariantCulture)), ("Type", ""), ("Amount", ""))),
        ["GET Customers/Freeze"] = new("SFFOONF", async () => Req($"/Customers/Freeze/{await App.NorthwindCustomerIdAsync()}")),
        ["POST Customers/Freeze"] = new("SFFOONF", async () => Form("/Customers/Freeze", ("Id", (await App.NorthwindCustomerIdAsync()).ToString(CultureInfo.InvariantCulture)), ("Freeze", "true"), ("Reason", ""))),
        ["GET Customers/Adjustments"] = new("SFFOONF", async () => Req($"/Customers/Adjustments/{await App.NorthwindCustomerIdAsync()}")),
        ["GET MyPartner/Index"] = new("SOFFFFF", () => Get("/MyPartner")),
        // An empty reason: the customer gets the form back with the message; nobody else gets that far.
        ["POST MyPartner/End"] = new("SOFFFFF", () => Post("/MyPartner/End", ("Reason", ""))),
        // No request exists in the seed: an unknown id is 404 for the partner's users.
        ["POST Customers/ConsentEnd"] = new("SFFNNNF", () => Post($"/Customers/ConsentEnd/{Guid.NewGuid()}")),
        ["GET Customers/DeclineEnd"] = new("SFFNNNF", () => Get($"/Customers/DeclineEnd/{Guid.NewGuid()}")),
        ["POST Customers/DeclineEnd"] = new("SFFNNNF", () => Post("/Customers/DeclineEnd", ("Id", Guid.NewGuid().ToString()), ("Reason", "x"))),
        ["POST Reveal/Toggle"] = new("SFFRRRF", () => Post("/Reveal", ("list", "Customers"), ("column", "Name"), ("show", "false"), ("returnUrl", "/Customers"))),
        ["GET PartnerInformation/AccountInformation"] = new("SFOOOOF", () => Get("/PartnerInformation/AccountInformation")),
        ["POST PartnerInformation/AccountInformation"] = new("SFFFOOF", () => Post("/PartnerInformation/AccountInformation", ("ReservedEmail", "not an email"), ("ReservedMobile", ""))),
        ["GET PartnerInformation/ApiKeys"] = new("SFFFOOF", () => Get("/PartnerInformation/ApiKeys")),
        ["POST PartnerInformation/CreateApiKey"] = new("SFFFOOF", () => Post("/PartnerInformation/CreateApiKey", ("Name", ""))),
        ["POST PartnerInformation/RevokeApiKey"] = new("SFFFRNF", async () => Form($"/PartnerInformation/RevokeApiKey/{await NorthwindApiKeyAsync()}")),
        ["GET PartnerInformation/Webhooks"] = new("SFFFOOF", () => Get("/PartnerInformation/Webhooks")),
        ["POST PartnerInformation/CreateWebhook"] = new("SFFFOOF", () => Post("/PartnerInformation/CreateWebhook", ("Url", ""))),
        ["POST PartnerInformation/RotateWebhookSecret"] = new("SFFFONF", async () => Form($"/PartnerInformation/RotateWebhookSecret/{await NorthwindWebhookAsync()}")),
        ["POST PartnerInformation/DeleteWebhook"] = new("SFFFRNF", async () => Form($"/PartnerInformation/DeleteWebhook/{await NorthwindWebhookAsync()}")),
        ["POST PartnerInformation/SendTestEvent"] = new("SFFFRNF", async () => Form($"/PartnerInformation/SendTestEvent/{await NorthwindWebhookAsync()}")),
        ["GET PartnerInformation/WebhookDeliveries"] = new("SFFFONF", async () => Req($"/PartnerInformation/WebhookDeliveries/{await NorthwindWebhookAsync()}")),
        ["POST PartnerInformation/Redeliver"] = new("SFFFRNF", async () =>
        {
            var (endpoint, delivery) = await NorthwindDeliveryAsync();
            return Form($"/PartnerInformation/Redeliver/{endpoint}", ("deliveryId", delivery.ToString()));
        }),
        ["GET Users/Index"] = new("SFFFOOF", () => Get("/Users")),
        ["POST Users/SetPermission"] = new("SFFFRNF", async () => Form($"/Users/SetPermission/{await App.UserIdAsync(DemoUsers.NorthwindSales)}", ("grant", "true"))),
        ["GET Ecosystem/Index"] = new("SFFFFFO", () => Get("/Ecosystem")),
        ["GET Ecosystem/Reviews"] = new("SFFFFFO", () => Get("/Ecosystem/Reviews")),
        ["POST Ecosystem/Approve"] = new("SFFFFFR", async () => Form($"/Ecosystem/Approve/{await App.AddNorthwindRecordAsync(trigger: ReviewTrigger.Country)}")),
        ["GET Ecosystem/Reject"] = new("SFFFFFO", async () => Req($"/Ecosystem/Reject/{await App.AddNorthwindRecordAsync(trigger: ReviewTrigger.Country)}")),
        ["POST Ecosystem/Reject"] = new("SFFFFFO", async () => Form("/Ecosystem/Reject", ("Id", (await App.AddNorthwindRecordAsync(trigger: ReviewTrigger.Country)).ToString()), ("Reason", ""))),
        ["GET Ecosystem/Return"] = new("SFFFFFO", async () => Req($"/Ecosystem/Return/{await App.AddNorthwindRecordAsync(trigger: ReviewTrigger.Country)}")),
        // No comment and no field: the form again with its messages.
        ["POST Ecosystem/Return"] = new("SFFFFFO", async () => Form("/Ecosystem/Return", ("Id", (await App.AddNorthwindRecordAsync(trigger: ReviewTrigger.Country)).ToString()), ("Comment", ""))),
        ["POST Ecosystem/ApproveExtension"] = new("SFFFFFR", async () => Form($"/Ecosystem/ApproveExtension/{await App.AddNorthwindLapsingRecordAsync(requested: true)}")),
        ["GET Ecosystem/DeclineExtension"] = new("SFFFFFO", async () => Req($"/Ecosystem/DeclineExtension/{await App.AddNorthwindLapsingRecordAsync(requested: true)}")),
        ["POST Ecosystem/DeclineExtension"] = new("SFFFFFO", async () => Form("/Ecosystem/DeclineExtension", ("Id", (await App.AddNorthwindLapsingRecordAsync(requested: true)).ToString()), ("Reason", ""))),
        ["GET Ecosystem/Lookup"] = new("SFFFFFO", () => Get("/Ecosystem/Lookup?email=anna.schmidt%40prospects.example")),
        ["GET Ecosystem/Tickets"] = new("SFFFFFO", () => Get("/Ecosystem/Tickets")),
        // Only the platform administrator (OutboxPageTests opens and retries as them).
        ["GET Outbox/Index"] = new("SFFFFFF", () => Get("/Outbox")),
        ["POST Outbox/Retry"] = new("SFFFFFF", () => Post($"/Outbox/Retry/{Guid.NewGuid()}")),
        // No ticket exists in the seed: an unknown id is 404 for the manager, and nobody else gets that far.
        ["POST Ecosystem/ProcessTicket"] = new("SFFFFFN", () => Post($"/Ecosystem/ProcessTicket/{Guid.NewGuid()}")),
        ["GET Ecosystem/DeclineTicket"] = new("SFFFFFN", () => Get($"/Ecosystem/DeclineTicket/{Guid.NewGuid()}")),
        ["POST Ecosystem/DeclineTicket"] = new("SFFFFFN", () => Post("/Ecosystem/DeclineTicket", ("Id", Guid.NewGuid().ToString()), ("Reason", "x"))),
        // Development pickup folder only, anonymous by design; unknown message ids are 404.
        // The platform's usage endpoint takes only its bearer key: a signed-in cookie (and its antiforgery token) grants nothing.
        ["POST PlatformUsage/Post"] = new("UUUUUUU", () => Post("/platform/usage", ("id", "x"))),
        ["GET Mailbox/Index"] = new("OOOOOOO", () => Get("/Mailbox")),
        ["GET Mailbox/Show"] = new("NNNNNNN", () => Get("/Mailbox/Show/no-such-message")),
        ["GET Mailbox/Html"] = new("NNNNNNN", () => Get("/Mailbox/Html/no-such-message")),
    };

    private Guid? audited;

    [Fact]
    public async Task Every_route_answers_every_actor_as_expected()
    {
        var table = Table();
        var routes = AppRoutes();
        var missing = routes.Where(r => !table.ContainsKey(r)).ToList();
        var stale = table.Keys.Where(k => !routes.Contains(k)).ToList();
        Assert.True(missing.Count == 0, $"New route without an entry in the authorization matrix: {string.Join(", ", missing)}");
        Assert.True(stale.Count == 0, $"Matrix entries for routes that no longer exist: {string.Join(", ", stale)}");

        var clients = new PartnerCenterClient[Actors.Length];
        var tokens = new string[Actors.Length];
        try
        {
            for (var i = 0; i < Actors.Length; i++)
            {
                clients[i] = Actors[i] is { } email ? await App.SignedInClientAsync(email) : App.CreatePartnerCenterClient();
                tokens[i] = await TokenOfAsync(clients[i]);
            }

            var failures = new StringBuilder();
            var actual = new StringBuilder();
            foreach (var (route, row) in table.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                var got = new StringBuilder();
                for (var i = 0; i < Actors.Length; i++)
                {
                    var request = await row.Build();
                    string outcome;
                    if (row.FreshClient)
                    {
                        using var fresh = Actors[i] is { } email ? await App.SignedInClientAsync(email) : App.CreatePartnerCenterClient();
                        outcome = await SendAsync(fresh, await TokenOfAsync(fresh), route, request);
                    }
                    else
                    {
                        outcome = await SendAsync(clients[i], tokens[i], route, request);
                    }

                    got.Append(outcome.Length == 1 ? outcome : "!");
                    if (outcome != row.Expected[i].ToString())
                    {
                        failures.AppendLine(CultureInfo.InvariantCulture, $"{route} as {Actors[i] ?? "anonymous"} ({request.Url}): expected {row.Expected[i]}, got {outcome}");
                    }
                }

                actual.AppendLine(CultureInfo.InvariantCulture, $"{route,-50} {got}");
            }

            Assert.True(failures.Length == 0, $"{failures}\nActual matrix (anon cust intern sales admin contoso em):\n{actual}");
        }
        finally
        {
            foreach (var client in clients)
            {
                client?.Dispose();
            }
        }
    }

    [Fact]
    public void No_route_writes_to_the_audit_trail()
    {
        var writes = Endpoints()
            .Where(e => e.Action.ControllerName.Contains("Audit", StringComparison.OrdinalIgnoreCase)
                        || e.Action.ActionName.Contains("Audit", StringComparison.OrdinalIgnoreCase))
            .Where(e => e.Methods.Any(m => m is not ("GET" or "HEAD")))
            .Select(e => e.Key)
            .ToList();

        Assert.Empty(writes);
        Assert.Contains("GET Audit/Trail", AppRoutes());
    }

    private HashSet<string> AppRoutes() => Endpoints().Select(e => e.Key).ToHashSet();

    private List<(string Key, ControllerActionDescriptor Action, IReadOnlyList<string> Methods)> Endpoints() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Action: e.Metadata.GetMetadata<ControllerActionDescriptor>()))
            .Where(e => e.Action is not null)
            .SelectMany(e =>
            {
                var methods = e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared
                    ? declared
                    : (IReadOnlyList<string>)["GET"];
                return methods.Select(m => ($"{m} {e.Action!.ControllerName}/{e.Action.ActionName}", e.Action!, methods));
            })
            .DistinctBy(e => e.Item1)
            .ToList();

    private static Task<Request> Get(string url) => Task.FromResult(new Request(url));

    private static Request Req(string url) => new(url);

    private static Request Form(string url, params (string Name, string? Value)[] form) => new(url, form);

    private static Task<Request> Post(string url, params (string Name, string? Value)[] form) => Task.FromResult(new Request(url, form));

    private static async Task<string> SendAsync(PartnerCenterClient client, string token, string route, Request request)
    {
        using var response = request.Form is null
            ? await client.GetAsync(request.Url)
            : await client.PostFormWithTokenAsync(request.Url, token, request.Form);
        var outcome = SecurityKit.Outcome(response);
        if (SecurityKit.IsServerError(response.StatusCode))
        {
            Assert.Fail($"{route} ({request.Url}) answered {await HtmlPage.ReadAsync(response)}");
        }

        return outcome;
    }

    private static async Task<string> TokenOfAsync(PartnerCenterClient client)
    {
        foreach (var page in new[] { "/Account/SignIn", "/" })
        {
            if ((await client.GetPageAsync(page)).AntiforgeryToken is { } token)
            {
                return token;
            }
        }

        throw new InvalidOperationException("No page with an antiforgery token.");
    }

    private async Task<string> FreshTokenAsync() => await AssociationKit.MintTokenAsync(App, await App.AddNorthwindRecordAsync());

    /// <summary>An active link of a new Northwind record (to revoke).</summary>
    private async Task<Guid> FreshInvitationIdAsync()
    {
        var record = await App.AddNorthwindRecordAsync();
        await AssociationKit.MintTokenAsync(App, record);
        return await App.WithDbAsync(db => db.Invitations.Where(i => i.PreregistrationId == record).Select(i => i.Id).SingleAsync());
    }

    /// <summary>A Northwind record preregistered through the App, so its trail has entries.</summary>
    private Guid? import;

    /// <summary>A dry-run batch of Northwind's with one invalid row (so applying it saves nothing).</summary>
    private async Task<Guid> NorthwindImportAsync()
    {
        if (import is { } id)
        {
            return id;
        }

        var partnerId = await App.PartnerIdAsync(Northwind);
        var userId = await App.UserIdAsync(DemoUsers.NorthwindSales);
        var row = PartnerCenter.Core.Imports.ImportRow.Read(1, "Matrix Row", "matrix.row@prospects.example", "12345", "No");
        row.Invalid("Mobile number", "Enter a valid mobile number.");
        var batch = PartnerCenter.Core.Imports.ImportBatch.Plan(partnerId, userId, "matrix.csv", [row], App.Now);
        await App.WithDbAsync(async db =>
        {
            db.ImportBatches.Add(batch);
            return await db.SaveChangesAsync();
        });
        import = batch.Id;
        return batch.Id;
    }

    private async Task<Guid> AuditedRecordAsync()
    {
        if (audited is { } id)
        {
            return id;
        }

        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        audited = await AssociationKit.PreregisterAsync(App, sales, "Audited Customer", AssociationKit.NewEmail("audited"));
        return audited.Value;
    }

    private async Task<int> NorthwindApiKeyAsync()
    {
        var partnerId = await App.PartnerIdAsync(Northwind);
        var userId = await App.UserIdAsync(DemoUsers.NorthwindAdmin);
        var created = await App.WithServiceAsync<PartnerCenter.Core.ApiKeys.CreateApiKey, Result<PartnerCenter.Core.ApiKeys.CreatedApiKey>>(create =>
            create.ExecuteAsync(userId, partnerId, new PartnerCenter.Core.ApiKeys.ApiKeyRequest("matrix", ["customers:read"], null), CancellationToken.None));
        return created.Value!.Id;
    }

    /// <summary>A fresh Northwind webhook endpoint (a public documentation address; nothing answers there).</summary>
    private async Task<int> NorthwindWebhookAsync()
    {
        var partnerId = await App.PartnerIdAsync(Northwind);
        var userId = await App.UserIdAsync(DemoUsers.NorthwindAdmin);
        var created = await App.WithServiceAsync<PartnerCenter.Core.Webhooks.CreateWebhookEndpoint, Result<PartnerCenter.Core.Webhooks.CreatedWebhook>>(create =>
            create.ExecuteAsync(userId, partnerId, new PartnerCenter.Core.Webhooks.WebhookRequest("https://203.0.113.10/matrix", ["customer.frozen"]), CancellationToken.None));
        return created.Value!.Id;
    }

    private async Task<(int Endpoint, Guid Delivery)> NorthwindDeliveryAsync()
    {
        var endpoint = await NorthwindWebhookAsync();
        var partnerId = await App.PartnerIdAsync(Northwind);
        var sent = await App.WithServiceAsync<PartnerCenter.Core.Webhooks.SendTestWebhook, Result<PartnerCenter.Core.Webhooks.WebhookDelivery>>(send =>
            send.ExecuteAsync(partnerId, endpoint, CancellationToken.None));
        return (endpoint, sent.Value!.Id);
    }
}
