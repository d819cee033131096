using System.Text.Json;
using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Invitations;

namespace PartnerCenter.Web.Tests.Api;

/// <summary>/api/v1/preregistrations, invitations, links, history: each success and each error code, over real HTTP.</summary>
public sealed class ApiPreregistrationTests(ApiApp app) : IClassFixture<ApiApp>
{
    private const string Customers = "@customers.example";

    [Fact]
    public async Task A_claim_in_its_last_days_gets_an_extension_request_once_and_only_a_returned_one_can_be_resubmitted()
    {
        using var api = await app.NorthwindClientAsync();
        var id = await api.CreatePreregistrationAsync("Elsa Extending");
        using (var early = await api.PostAsync($"api/v1/preregistrations/{id}/extension", new { reason = "Early" }))
        {
            await early.ProblemAsync(HttpStatusCode.UnprocessableEntity, "extension_not_allowed");
        }

        using (var resubmit = await api.PostAsync($"api/v1/preregistrations/{id}/resubmit", new { name = "Elsa" }))
        {
            await resubmit.ProblemAsync(HttpStatusCode.UnprocessableEntity, "not_action_required");
        }

        app.FakeClock.Advance(TimeSpan.FromDays(11));
        using var asked = await api.PostAsync($"api/v1/preregistrations/{id}/extension", new { reason = "The customer is travelling." });
        var body = await asked.JsonOfAsync(HttpStatusCode.OK);
        Assert.Equal("extensionRequested", body.Str("status"));
        Assert.Equal(PreregistrationStatus.ExtensionRequested, await app.WithDbAsync(db => db.Preregistrations.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));

        using var again = await api.PostAsync($"api/v1/preregistrations/{id}/extension", new { reason = "Again" });
        await again.ProblemAsync(HttpStatusCode.UnprocessableEntity, "extension_used");
    }

    [Fact]
    public async Task A_preregistration_is_created_read_by_id_with_an_etag_and_answers_304_when_unchanged()
    {
        using var api = await app.NorthwindClientAsync();
        var email = Preregister.NewEmail("carla");
        using var created = await api.PostAsync("api/v1/preregistrations", Api.NewCustomer("Carla Created", email));
        var body = await created.JsonOfAsync(HttpStatusCode.Created);
        var record = body.GetProperty("preregistration");
        var id = record.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/preregistrations/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("preregistered", record.Str("status"));
        Assert.Equal(email, record.Str("email"));
        Assert.Equal(Preregister.GermanMobileNumber, record.Str("mobile"));
        Assert.Contains("invite", record.GetProperty("allowedOperations").EnumerateArray().Select(o => o.GetString()));
        Assert.False(body.GetProperty("invitationQueued").GetBoolean());
        Assert.Equal(PreregistrationStatus.Preregistered, await app.WithDbAsync(db => db.Preregistrations.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));

        using var read = await api.GetAsync($"api/v1/preregistrations/{id}");
        var one = await read.JsonOfAsync(HttpStatusCode.OK);
        Assert.Equal("Carla Created", one.Str("name"));
        var etag = read.Headers.ETag?.Tag;
        Assert.NotNull(etag);

        using var again = await api.GetAsync($"api/v1/preregistrations/{id}", ifNoneMatch: etag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);

        // The clock changes what the record is (Expired after 15 days): a new representation, a new ETag.
        app.FakeClock.Advance(Preregistration.Validity);
        using var later = await api.GetAsync($"api/v1/preregistrations/{id}", ifNoneMatch: etag);
        var expired = await later.JsonOfAsync(HttpStatusCode.OK);
        Assert.Equal("expired", expired.Str("status"));
        Assert.NotEqual(etag, later.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Send_invitation_queues_the_email_with_the_record()
    {
        using var api = await app.NorthwindClientAsync();
        using var created = await api.PostAsync("api/v1/preregistrations", Api.NewCustomer("Ines Invited", sendInvitation: true));
        var body = await created.JsonOfAsync(HttpStatusCode.Created);
        Assert.True(body.GetProperty("invitationQueued").GetBoolean());
        var id = body.GetProperty("preregistration").GetProperty("id").GetGuid();
        Assert.Equal(1, await app.WithDbAsync(db => db.Invitations.CountAsync(i => i.PreregistrationId == id)));
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "mainland", "refused_mainland" },
        { "associated", "refused_associated" },
        { "claimed", "refused_claimed" },
        { "consumer", "refused_consumer" },
        { "contract", "refused_contract" },
        { "spender", "refused_spender" },
        { "member", "refused_enterprise_member" },
    };

    [Fact]
    public async Task Several_refusal_causes_are_listed_at_once_each_with_its_code()
    {
        var email = $"manycauses-{Guid.NewGuid():N}@example.com";
        await app.WithDbAsync(async db =>
        {
            db.CustomerAccounts.Add(new Core.Customers.CustomerAccount
            {
                Email = email, Name = "Many Causes", CountryCode = "DE", RegisteredAt = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                Website = Core.Customers.RegistrationWebsite.ChineseMainland, IsConsumerCloudUser = true, HasSignedContract = true,
            });
            return await db.SaveChangesAsync();
        });
        using var api = await app.NorthwindClientAsync();

        using var response = await api.PostAsync("api/v1/preregistrations", Api.NewCustomer("Many Causes", email));

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, PreregistrationErrors.ChineseMainland.Code);
        Assert.Equal(
            [PreregistrationErrors.ChineseMainland.Code, PreregistrationErrors.ConsumerCloudUser.Code, PreregistrationErrors.SignedContract.Code],
            problem.GetProperty("causes").EnumerateArray().Select(c => c.Str("code")).ToArray());
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Each_refusal_cause_has_its_code_and_the_pages_message(string local, string code)
    {
        using var api = await app.NorthwindClientAsync();
        using var response = await api.PostAsync("api/v1/preregistrations", Api.NewCustomer("Refused Person", local + Customers));
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, code);
        var expected = typeof(PreregistrationErrors).GetFields().Select(f => f.GetValue(null)).OfType<Error>().Single(e => e.Code == code);
        Assert.Equal(expected.Message, problem.Str("title"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Preregistrations.CountAsync(p => p.CustomerEmail == local + Customers && p.PartnerId != 0 && p.CustomerName == "Refused Person")));
    }

    [Theory]
    [InlineData("directsales", "review_direct_sales", ReviewTrigger.DirectSales)]
    [InlineData("abroad", "review_country", ReviewTrigger.Country)]
    [InlineData("onlinesales", "review_online_sales_team", ReviewTrigger.OnlineSalesTeam)]
    public async Task Each_review_trigger_has_its_code_and_nothing_is_saved_without_submit_for_review(string local, string code, ReviewTrigger trigger)
    {
        using var api = await app.NorthwindClientAsync();
        using var response = await api.PostAsync("api/v1/preregistrations", Api.NewCustomer("Review Person", local + Customers));
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal(PreregistrationErrors.ReviewNeeded(trigger).Message, problem.Str("title"));
        Assert.Contains(code, problem.GetProperty("reviewTriggers").EnumerateArray().Select(t => t.Str("code")));
        Assert.Contains("submitForReview", problem.Str("detail"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Preregistrations.AnyAsync(p => p.CustomerEmail == local + Customers && p.CustomerName == "Review Person")));
    }

    [Fact]
    public async Task Submit_for_review_saves_a_pending_review()
    {
        using var api = await app.NorthwindClientAsync();
        var email = Preregister.NewEmail("bruna");
        using var response = await api.PostAsync("api/v1/preregistrations",
            Api.NewCustomer("Bruna Abroad", email, Preregister.BrazilianMobileNumber, submitForReview: true));
        var body = await response.JsonOfAsync(HttpStatusCode.Created);
        Assert.Equal("pendingReview", body.GetProperty("preregistration").Str("status"));
        Assert.Equal("country", body.GetProperty("preregistration").Str("reviewTrigger"));
    }

    [Fact]
    public async Task Invalid_input_answers_400_with_each_fields_message_from_the_pages_validator()
    {
        using var api = await app.NorthwindClientAsync();
        using var response = await api.PostAsync("api/v1/preregistrations", new { name = "", email = "not an email", mobile = "12345" });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors").EnumerateArray().ToDictionary(e => e.Str("field"), e => e.Str("message"));
        Assert.Equal(["email", "mobile", "name"], errors.Keys.Order());
        Assert.Equal("Enter the customer's full name.", errors["name"]);
        Assert.StartsWith("Enter a valid mobile number", errors["mobile"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_without_a_reserved_contact_is_refused_with_its_code()
    {
        using var api = app.Client(await app.CreateKeyAsync(Fabrikam, admin: DemoUsers.FabrikamAdmin));
        using var response = await api.PostAsync("api/v1/preregistrations", Api.NewCustomer("Nora Nocontact"));
        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "no_reserved_contact");
    }

    [Fact]
    public async Task The_list_filters_by_status_searches_by_name_and_pages_with_a_cursor()
    {
        using var api = await app.NorthwindClientAsync();
        var prefix = "Zed" + Guid.NewGuid().ToString("N")[..6];
        foreach (var i in new[] { 1, 2, 3 })
        {
            await api.CreatePreregistrationAsync($"{prefix} Number{i}");
        }

        using var first = await api.GetAsync($"api/v1/preregistrations?search={prefix}&limit=2");
        var page1 = await first.JsonOfAsync(HttpStatusCode.OK);
        Assert.Equal(3, page1.GetProperty("total").GetInt32());
        Assert.Equal(2, page1.GetProperty("items").GetArrayLength());
        var cursor = page1.Str("nextCursor");

        using var second = await api.GetAsync($"api/v1/preregistrations?search={prefix}&limit=2&cursor={cursor}");
        var page2 = await second.JsonOfAsync(HttpStatusCode.OK);
        Assert.Equal(1, page2.GetProperty("items").GetArrayLength());
        Assert.False(page2.TryGetProperty("nextCursor", out _));
        var names = page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray()).Select(r => r.Str("name"));
        Assert.Equal([$"{prefix} Number1", $"{prefix} Number2", $"{prefix} Number3"], names.Order());

        using var pending = await api.GetAsync($"api/v1/preregistrations?status=pendingReview&limit=100");
        var pendingItems = (await pending.JsonOfAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(pendingItems);
        Assert.All(pendingItems, r => Assert.Equal("pendingReview", r.Str("status")));

        using var byEmail = await api.GetAsync($"api/v1/preregistrations?search={Uri.EscapeDataString(Pedro)}");
        Assert.Equal(Pedro, (await byEmail.JsonOfAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Single().Str("email"));

        using var badStatus = await api.GetAsync("api/v1/preregistrations?status=lost&cursor=nonsense");
        var problem = await badStatus.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["cursor", "status"], problem.GetProperty("errors").EnumerateArray().Select(e => e.Str("field")).Order());
    }

    [Fact]
    public async Task Delete_answers_204_and_the_record_is_gone_a_pending_review_is_refused_with_its_code()
    {
        using var api = await app.NorthwindClientAsync();
        var id = await api.CreatePreregistrationAsync("Dora Deleted");
        using (var deleted = await api.DeleteAsync($"api/v1/preregistrations/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (var gone = await api.GetAsync($"api/v1/preregistrations/{id}"))
        {
            await gone.ProblemAsync(HttpStatusCode.NotFound, "not_found");
        }

        var pedro = await app.PreregistrationIdAsync(Pedro);
        using var refused = await api.DeleteAsync($"api/v1/preregistrations/{pedro}");
        var problem = await refused.ProblemAsync(HttpStatusCode.UnprocessableEntity, "cannot_delete");
        Assert.Equal("A record in status Pending review cannot be deleted.", problem.Str("title"));
    }

    [Fact]
    public async Task Batch_delete_reports_each_item_and_refuses_an_empty_batch()
    {
        using var api = await app.NorthwindClientAsync();
        var id = await api.CreatePreregistrationAsync("Bea Batch");
        var pedro = await app.PreregistrationIdAsync(Pedro);
        var unknown = Guid.NewGuid();
        using var response = await api.PostAsync("api/v1/preregistrations:batchDelete", new { ids = new[] { id, pedro, unknown } });
        var results = (await response.JsonOfAsync(HttpStatusCode.OK)).GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetGuid());
        Assert.True(results[id].GetProperty("succeeded").GetBoolean());
        Assert.Equal("cannot_delete", results[pedro].Str("code"));
        Assert.Equal("not_found", results[unknown].Str("code"));
        Assert.Equal(PreregistrationStatus.Deleted, await app.WithDbAsync(db => db.Preregistrations.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));

        using var empty = await api.PostAsync("api/v1/preregistrations:batchDelete", new { ids = Array.Empty<Guid>() });
        await empty.ProblemAsync(HttpStatusCode.UnprocessableEntity, "nothing_selected");
    }

    [Fact]
    public async Task Invitations_report_each_item_not_invitable_ones_with_their_code()
    {
        using var api = await app.NorthwindClientAsync();
        var id = await api.CreatePreregistrationAsync("Ivo Invite");
        var pedro = await app.PreregistrationIdAsync(Pedro);
        using var response = await api.PostAsync("api/v1/invitations", new { preregistrationIds = new[] { id, pedro } });
        var results = (await response.JsonOfAsync(HttpStatusCode.OK)).GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetGuid());
        Assert.True(results[id].GetProperty("succeeded").GetBoolean());
        Assert.False(results[pedro].GetProperty("succeeded").GetBoolean());
        Assert.Equal("not_invitable", results[pedro].Str("code"));
        Assert.Equal(PreregistrationErrors.NotInvitable(PreregistrationStatus.PendingReview).Message, results[pedro].Str("message"));

        using var history = await api.GetAsync($"api/v1/preregistrations/{id}/invitations");
        var events = (await history.JsonOfAsync(HttpStatusCode.OK)).GetProperty("events").EnumerateArray().ToList();
        Assert.Contains(events, e => e.Str("kind") == "created" && e.Str("channel") == "email");

        using var tooMany = await api.PostAsync("api/v1/invitations", new { preregistrationIds = Enumerable.Range(0, 101).Select(_ => Guid.NewGuid()) });
        await tooMany.ProblemAsync(HttpStatusCode.UnprocessableEntity, "batch_too_large");
    }

    [Fact]
    public async Task A_prepaid_partner_is_refused_invitations_with_its_code()
    {
        using var api = app.Client(await app.CreateKeyAsync(Tailspin, admin: DemoUsers.TailspinAdmin));
        var id = await api.CreatePreregistrationAsync("Paul Prepaid");
        using var response = await api.PostAsync("api/v1/invitations", new { preregistrationIds = new[] { id } });
        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "prepaid_partner");
    }

    [Fact]
    public async Task A_link_comes_with_its_qr_codes_and_shows_in_the_history_a_pending_review_is_not_invitable()
    {
        using var api = await app.NorthwindClientAsync();
        var id = await api.CreatePreregistrationAsync("Lia Link");
        using var response = await api.PostAsync($"api/v1/preregistrations/{id}/link", new { });
        var link = await response.JsonOfAsync(HttpStatusCode.Created);
        Assert.StartsWith(app.Url + "/invite/", link.Str("url"), StringComparison.Ordinal);
        Assert.StartsWith("data:image/png;base64,", link.Str("qrCodePngUrl"), StringComparison.Ordinal);
        Assert.StartsWith("data:image/svg+xml;base64,", link.Str("qrCodeSvgUrl"), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Invitations.CountAsync(i => i.PreregistrationId == id && i.Channel == InvitationChannel.Link)));

        using var history = await api.GetAsync($"api/v1/preregistrations/{id}/invitations");
        var events = (await history.JsonOfAsync(HttpStatusCode.OK)).GetProperty("events").EnumerateArray().ToList();
        Assert.Contains(events, e => e.Str("kind") == "created" && e.Str("channel") == "link");

        var pedro = await app.PreregistrationIdAsync(Pedro);
        using var refused = await api.PostAsync($"api/v1/preregistrations/{pedro}/link", new { });
        await refused.ProblemAsync(HttpStatusCode.UnprocessableEntity, "not_invitable");
    }

    [Fact]
    public async Task History_records_list_the_association_outcomes()
    {
        using var api = await app.NorthwindClientAsync();
        var id = await api.CreatePreregistrationAsync("Hugo History");
        await app.WithDbAsync(async db =>
        {
            var record = await db.Preregistrations.SingleAsync(p => p.Id == id);
            db.AssociationAttempts.Add(AssociationAttempt.Failed(record, app.Now, InvitationErrors.Expired));
            return await db.SaveChangesAsync();
        });

        using var response = await api.GetAsync("api/v1/history-records");
        var page = await response.JsonOfAsync(HttpStatusCode.OK);
        var row = page.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("preregistrationId").GetGuid() == id);
        Assert.False(row.GetProperty("succeeded").GetBoolean());
        Assert.Equal("link_expired", row.Str("causeCode"));
        Assert.Equal("The customer opened an expired link. Send a new invitation.", row.Str("cause"));
        Assert.Equal("Send the invitation again.", row.Str("suggestedOperation"));
        Assert.Equal(JsonValueKind.Number, page.GetProperty("total").ValueKind);
    }
}
