using System.Globalization;
using PartnerCenter.Web.Tests.Associations;

namespace PartnerCenter.Web.Tests.Security;

/// <summary>
/// Every form gets hostile values in each field, missing and duplicated fields, and bad antiforgery
/// tokens. Never a 5xx; a failure is a validation message, 400 or 404; nothing half-saved; a
/// redirect never leaves the site.
/// </summary>
public sealed class FormFuzzTests(TestApp app) : AppTest<TestApp>(app)
{
    private static readonly string[] Payloads =
    [
        "",
        new string('a', 100_000),
        "\u0001\u0002\u0007\u001b[31m\u007f",
        "line\r\nBcc: evil@example.com\r\n",
        "nul\0byte",
        "\u202Eevil\u202Dname\u200F",
        "😀👩‍👩‍👧 名前",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "not-a-number",
        "-99999999999999999999999999",
        "//evil.example/",
        "https://evil.example/x",
    ];

    /// <summary>Fields a browser only ever sends as "true" or "false" (checkboxes, radios, hidden flags).</summary>
    private static readonly HashSet<string> BooleanFields = ["RememberMe", "SendInvitation", "ConfirmReview", "UnfreezeNow", "Freeze", "show", "Consent"];

    private sealed record Form(string? Actor, Func<Task<string>> Url, Func<Task<(string Name, string Value)[]>> Fields, bool Get = false, bool SucceedsWith200 = false);

    private Dictionary<string, Form> Forms() => new()
    {
        ["sign-in"] = new(null, () => Url("/Account/SignIn"), () => Fields(("Email", "nobody@nowhere.example"), ("Password", "Wrong123!"), ("RememberMe", "false"), ("ReturnUrl", "/"))),
        ["account information"] = new(DemoUsers.NorthwindAdmin, () => Url("/PartnerInformation/AccountInformation"),
            () => Fields(("ReservedEmail", "partners@northwind.example"), ("ReservedMobile", "+4915123456789"))),
        ["preregister"] = new(DemoUsers.NorthwindSales, () => Url("/CustomerDevelopment/Preregister"),
            () => Fields(("FullName", "Fuzz Customer"), ("Email", AssociationKit.NewEmail("fuzz")), ("Mobile", "+4915123456789"), ("SendInvitation", "false"), ("ConfirmReview", "false"))),
        ["delete"] = new(DemoUsers.NorthwindSales, () => Url("/CustomerDevelopment/Delete"),
            async () => [("ids", (await App.AddNorthwindRecordAsync()).ToString()), ("returnUrl", "/CustomerDevelopment")]),
        ["reveal"] = new(DemoUsers.NorthwindSales, () => Url("/CustomerDevelopment/Reveal"), () => Fields(("column", "Name"), ("show", "false"), ("returnUrl", "/CustomerDevelopment"))),
        ["invitations confirm"] = new(DemoUsers.NorthwindSales, () => Url("/Invitations/Confirm"),
            async () => [("ids", (await App.AddNorthwindRecordAsync()).ToString()), ("returnUrl", "/CustomerDevelopment")], SucceedsWith200: true),
        ["invitations send"] = new(DemoUsers.NorthwindSales, () => Url("/Invitations/Send"),
            async () => [("ids", (await App.AddNorthwindRecordAsync()).ToString()), ("returnUrl", "/CustomerDevelopment")]),
        ["invitations link"] = new(DemoUsers.NorthwindSales, async () => $"/Invitations/Link/{await App.AddNorthwindRecordAsync()}",
            () => Fields(("returnUrl", "/CustomerDevelopment")), SucceedsWith200: true),
        ["register"] = new(null, async () => $"/invite/{await AssociationKit.MintTokenAsync(App, await App.AddNorthwindRecordAsync())}/register",
            () => Fields(("FullName", "Fuzz Registrant"), ("Password", AssociationKit.CustomerPassword), ("ConfirmPassword", AssociationKit.CustomerPassword))),
        ["associate"] = new(DemoUsers.Customer, async () => $"/invite/{await AssociationKit.MintTokenAsync(App, await App.AddNorthwindRecordAsync())}/associate",
            () => Fields(("Consent", "true")), SucceedsWith200: true),
        ["set budget"] = new(DemoUsers.NorthwindSales, () => Url("/Customers/SetBudget"),
            async () => [("Ids", (await App.NorthwindCustomerIdAsync()).ToString(CultureInfo.InvariantCulture)), ("Type", "Monthly"), ("Amount", "100"), ("OnExhaustion", "Manually"), ("UnfreezeNow", "false")]),
        ["freeze"] = new(DemoUsers.NorthwindSales, () => Url("/Customers/Freeze"),
            async () => [("Id", (await App.NorthwindCustomerIdAsync()).ToString(CultureInfo.InvariantCulture)), ("Freeze", "false"), ("Reason", "Fuzzing the reason")]),
        ["background association"] = new(DemoUsers.NorthwindSales, async () => $"/CustomerDevelopment/BackgroundAssociation/{await App.AddNorthwindRecordAsync()}",
            () => Fields(("Reason", "The customer asked us to."), ("Contact", "Anna, +49 30 1234"))),
        ["reject"] = new(DemoUsers.EcosystemManager, () => Url("/Ecosystem/Reject"),
            async () => [("Id", (await App.AddNorthwindRecordAsync(trigger: ReviewTrigger.Country)).ToString()), ("Reason", "Served by a partner abroad.")]),
        ["decline"] = new(DemoUsers.EcosystemManager, () => Url("/Ecosystem/DeclineTicket"), () => Fields(("Id", Guid.NewGuid().ToString()), ("Reason", "No."))),
        ["lookup"] = new(DemoUsers.EcosystemManager, () => Url("/Ecosystem/Lookup"), () => Fields(("email", "anna.schmidt@prospects.example")), Get: true, SucceedsWith200: true),
    };

    public static TheoryData<string> FormNames => new()
    {
        "sign-in", "account information", "preregister", "delete", "reveal", "invitations confirm", "invitations send", "invitations link",
        "register", "associate", "set budget", "freeze", "background association", "reject", "decline", "lookup",
    };

    [Theory]
    [MemberData(nameof(FormNames))]
    public async Task Hostile_values_never_fail_the_server_nor_half_save(string name)
    {
        var form = Forms()[name];
        using var client = form.Actor is { } email ? await App.SignedInClientAsync(email) : App.CreatePartnerCenterClient();
        var token = await client.GetAntiforgeryTokenAsync();
        var problems = new List<string>();

        var fieldNames = (await form.Fields()).Select(f => f.Name).ToList();
        foreach (var field in fieldNames)
        {
            foreach (var payload in Payloads)
            {
                await TryAsync(client, form, token, $"{field}={Describe(payload)}", fields => [.. fields.Where(f => f.Name != field), (field, payload)], problems,
                    tampered: BooleanFields.Contains(field));
            }
        }

        await TryAsync(client, form, token, "no fields", _ => [], problems);
        await TryAsync(client, form, token, "every field twice", fields => [.. fields, .. fields.Select(f => (f.Name, f.Value + "x"))], problems, tampered: true);
        foreach (var field in fieldNames)
        {
            await TryAsync(client, form, token, $"without {field}", fields => [.. fields.Where(f => f.Name != field)], problems);
        }

        if (!form.Get)
        {
            await TryAsync(client, form, null, "no antiforgery token", f => f, problems, expectBadRequest: true);
            await TryAsync(client, form, "CfDJ8garbage", "garbage antiforgery token", f => f, problems, expectBadRequest: true);
        }

        Assert.True(problems.Count == 0, $"{name}:\n{string.Join("\n", problems)}");
    }

    private async Task TryAsync(PartnerCenterClient client, Form form, string? token, string variant,
        Func<(string Name, string Value)[], (string Name, string Value)[]> mutate, List<string> problems, bool expectBadRequest = false, bool tampered = false)
    {
        var url = await form.Url();
        var fields = mutate(await form.Fields());
        var before = await CountsAsync();

        using var response = form.Get
            ? await client.GetAsync(url + "?" + string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value)}")))
            : token is null
                ? await client.PostFormWithoutTokenAsync(url, [.. fields.Select(f => (f.Name, (string?)f.Value))])
                : await client.PostFormWithTokenAsync(url, token, [.. fields.Select(f => (f.Name, (string?)f.Value))]);
        var status = (int)response.StatusCode;
        var page = await HtmlPage.ReadAsync(response);
        if (status >= 500)
        {
            problems.Add($"{variant}: {page.ToString()[..Math.Min(400, page.ToString().Length)]}");
            return;
        }

        if (expectBadRequest)
        {
            if (status != 400)
            {
                problems.Add($"{variant}: expected 400, got {status}");
            }
        }

        if (response.Headers.Location is { } location && (location.IsAbsoluteUri || location.OriginalString.StartsWith("//", StringComparison.Ordinal) || location.OriginalString.StartsWith("/\\", StringComparison.Ordinal)))
        {
            problems.Add($"{variant}: redirects off the site to {location}");
        }

        var success = status is 302 || (status == 200 && form.SucceedsWith200);
        if (success)
        {
            return;
        }

        // A checkbox or radio value no browser sends (or a field sent twice) re-renders the form
        // without a message: acceptable for a tampered request, as long as nothing is saved.
        if (status == 200 && !tampered && !ShowsAProblem(page))
        {
            problems.Add($"{variant}: 200 without a validation message: {page.ToString()[..Math.Min(300, page.ToString().Length)]}");
        }

        var after = await CountsAsync();
        if (status == 409)
        {
            // A refused association is itself audited (the attempt), which is not a half-saved change.
            after[^1] = before[^1];
        }

        if (!before.SequenceEqual(after))
        {
            problems.Add($"{variant}: answered {status} but rows changed: {string.Join(",", before)} -> {string.Join(",", after)}");
        }
    }

    private static bool ShowsAProblem(HtmlPage page) =>
        page.SummaryErrors.Count > 0
        || page.Document.QuerySelectorAll(".field-validation-error, .alert-danger, .alert-warning, .invalid-feedback").Any(e => e.TextContent.Trim().Length > 0)
        || page.Document.QuerySelectorAll("[data-valmsg-for]").Any(e => e.TextContent.Trim().Length > 0);

    private Task<int[]> CountsAsync() => App.WithDbAsync(async db => new[]
    {
        await db.Preregistrations.CountAsync(),
        await db.Preregistrations.CountAsync(p => p.Status == PreregistrationStatus.Deleted || p.Status == PreregistrationStatus.Rejected),
        await db.Invitations.CountAsync(),
        await db.OutboxMessages.CountAsync(),
        await db.CustomerAccounts.CountAsync(),
        await db.Users.CountAsync(),
        await db.BudgetAdjustments.CountAsync(),
        await db.BackgroundAssociationTickets.CountAsync(),
        await db.AuditEntries.CountAsync(),
    });

    private static Task<string> Url(string url) => Task.FromResult(url);

    private static Task<(string Name, string Value)[]> Fields(params (string Name, string Value)[] fields) => Task.FromResult(fields);

    private static string Describe(string payload) => payload.Length > 40 ? $"<{payload.Length} chars>" : System.Text.Json.JsonSerializer.Serialize(payload);
}
