namespace PartnerCenter.Web.Tests.Security;

/// <summary>Every POST needs the antiforgery token of the session that sends it; without it nothing happens.</summary>
public sealed class CsrfTests(TestApp app) : AppTest<TestApp>(app)
{
    public static TheoryData<string> BadTokens => new() { "missing", "garbage", "another session's" };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Granting_a_permission_with_a_bad_token_is_rejected_and_changes_nothing(string token)
    {
        var admin = await SignInAsync(DemoUsers.NorthwindAdmin);
        var internId = await App.UserIdAsync(DemoUsers.NorthwindIntern);
        await admin.GetPageAsync("/Users");
        var auditRows = await App.WithDbAsync(db => db.AuditEntries.CountAsync());

        using var response = await PostAsync(admin, token, $"/Users/SetPermission/{internId}", ("grant", "true"));

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.False(await App.WithDbAsync(db => db.Users.Where(u => u.Id == internId).Select(u => u.HasCustomerDevelopment).SingleAsync()));
        Assert.Equal(auditRows, await App.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Saving_account_information_with_a_bad_token_is_rejected_and_changes_nothing(string token)
    {
        var admin = await SignInAsync(DemoUsers.NorthwindAdmin);
        var before = await ReservedContactAsync();

        using var response = await PostAsync(admin, token, "/PartnerInformation/AccountInformation",
            ("ReservedEmail", "attacker@evil.example"), ("ReservedMobile", "+49 1512 3456789"));

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await ReservedContactAsync());
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Signing_out_with_a_bad_token_is_rejected_and_the_session_stays(string token)
    {
        var client = await SignInAsync(DemoUsers.NorthwindSales);

        using var response = await PostAsync(client, token, "/Account/SignOut");

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.True(client.HasAuthCookie);
        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync("/")).Status);
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Signing_in_with_a_bad_token_is_rejected_even_with_the_right_password(string token)
    {
        var client = NewClient();
        await client.GetPageAsync("/Account/SignIn");

        using var response = await PostAsync(client, token, "/Account/SignIn",
            ("Email", DemoUsers.TailspinAdmin), ("Password", DemoUsers.Password));

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.False(client.HasAuthCookie);
    }

    [Fact]
    public async Task A_rejected_post_shows_the_bad_request_page()
    {
        var client = NewClient();

        using var response = await client.PostFormWithoutTokenAsync("/Account/SignIn", ("Email", DemoUsers.TailspinAdmin), ("Password", DemoUsers.Password));

        var page = await HtmlPage.ReadAsync(response);
        page.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal("Bad request", page.Heading);
    }

    private async Task<HttpResponseMessage> PostAsync(PartnerCenterClient client, string token, string url, params (string Name, string? Value)[] fields)
    {
        switch (token)
        {
            case "missing":
                return await client.PostFormWithoutTokenAsync(url, fields);
            case "garbage":
                return await client.PostFormWithTokenAsync(url, "CfDJ8-not-a-real-token", fields);
            default:
                // A well-formed token, issued to someone else's browser (as a cross-site attacker would hold).
                using (var attacker = App.CreatePartnerCenterClient())
                {
                    var foreignToken = await attacker.GetAntiforgeryTokenAsync();
                    return await client.PostFormWithTokenAsync(url, foreignToken, fields);
                }
        }
    }

    private Task<(string? Email, string? Mobile)> ReservedContactAsync() =>
        App.WithDbAsync(db => db.Partners.Where(p => p.Name == "Northwind Cloud")
            .Select(p => new ValueTuple<string?, string?>(p.ReservedEmail, p.ReservedMobile)).SingleAsync());
}
