using System.Text.Json;

namespace PartnerCenter.Web.Tests.PartnerInformation;

/// <summary>Partner Information &gt; Basic Information &gt; Account Information: the reserved contact.</summary>
public sealed class AccountInformationTests(TestApp app) : AppTest<TestApp>(app)
{
    private const string Url = "/PartnerInformation/AccountInformation";
    private const string EmailCharacters = "The email address can contain only letters, digits, underscores (_), hyphens (-) and periods (.).";
    private const string EmailMalformed = "Enter a valid email address, such as name@example.com.";
    private const string MobileInvalid = "Enter a valid mobile number in international format with the country code, such as +49 1512 3456789.";
    private const string ValidMobile = "+49 1512 3456789";
    private const string ValidEmail = "contact@northwind.example";

    [Fact]
    public async Task Admin_sees_the_reserved_contact_in_an_editable_form()
    {
        var admin = await SignInAsync(DemoUsers.NorthwindAdmin);

        var page = await admin.GetPageAsync(Url);

        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Account Information", page.Heading);
        Assert.Equal((await ReservedContactAsync()).Email, page.InputValue("ReservedEmail"));
        Assert.Null(page.Document.QuerySelector("main fieldset[disabled]"));
        page.FormOfButton("Save");
    }

    [Theory]
    [InlineData("a+b@x.com", EmailCharacters)]
    [InlineData("name with space@northwind.example", EmailCharacters)]
    [InlineData("name@northwind", EmailMalformed)]
    [InlineData("name..dots@northwind.example", EmailMalformed)]
    [InlineData("@northwind.example", EmailMalformed)]
    public async Task An_invalid_email_is_reported_next_to_the_field_and_the_mobile_is_kept(string email, string message)
    {
        var admin = await SignInAsync(DemoUsers.NorthwindAdmin);
        var before = await ReservedContactAsync();

        var page = await SubmitAsync(admin, email, ValidMobile);

        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(message, page.FieldError("ReservedEmail"));
        Assert.Null(page.FieldError("ReservedMobile"));
        Assert.Equal(email, page.InputValue("ReservedEmail"));
        Assert.Equal(ValidMobile, page.InputValue("ReservedMobile"));
        Assert.Empty(page.Alerts("success"));
        Assert.Equal(before, await ReservedContactAsync());
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("015123456789")] // national format, no country code
    [InlineData("+49 30 901820")] // a Berlin fixed line, not a mobile
    [InlineData("+1 not a number")]
    public async Task An_invalid_mobile_is_reported_next_to_the_field_and_the_email_is_kept(string mobile)
    {
        var admin = await SignInAsync(DemoUsers.NorthwindAdmin);
        var before = await ReservedContactAsync();

        var page = await SubmitAsync(admin, ValidEmail, mobile);

        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(MobileInvalid, page.FieldError("ReservedMobile"));
        Assert.Null(page.FieldError("ReservedEmail"));
        Assert.Equal(mobile, page.InputValue("ReservedMobile"));
        Assert.Equal(ValidEmail, page.InputValue("ReservedEmail"));
        Assert.Equal(before, await ReservedContactAsync());
    }

    [Fact]
    public async Task Both_empty_asks_for_at_least_one_contact()
    {
        var admin = await SignInAsync(DemoUsers.NorthwindAdmin);
        var before = await ReservedContactAsync();

        var page = await SubmitAsync(admin, "", " ");

        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(["Reserve at least a contact email address or a mobile number."], page.SummaryErrors);
        Assert.Equal(before, await ReservedContactAsync());
    }

    [Fact]
    public async Task A_valid_contact_is_saved_normalised_and_audited()
    {
        var admin = await SignInAsync(DemoUsers.NorthwindAdmin);

        using var response = await SubmitResponseAsync(admin, "  Contact@Northwind.Example ", "+49 1512 3456789");

        // Post/redirect/get: a reload must not post again.
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        var page = await admin.FollowAsync(response);
        Assert.Contains("Account information saved.", page.Alerts("success"));
        Assert.Equal("contact@northwind.example", page.InputValue("ReservedEmail"));
        Assert.Equal(("contact@northwind.example", "+4915123456789"), await ReservedContactAsync());
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "AccountInformationUpdated").ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(await App.UserIdAsync(DemoUsers.NorthwindAdmin), entry.ActorUserId);
        using var after = JsonDocument.Parse(entry.After!);
        Assert.Equal("+4915123456789", after.RootElement.GetProperty("ReservedMobile").GetString());
        Assert.Equal("contact@northwind.example", after.RootElement.GetProperty("ReservedEmail").GetString());
    }

    [Fact]
    public async Task Staff_see_the_contact_read_only_and_cannot_save_it()
    {
        var staff = await SignInAsync(DemoUsers.NorthwindSales);
        var before = await ReservedContactAsync();

        var page = await staff.GetPageAsync(Url);
        page.AssertStatus(HttpStatusCode.OK);
        Assert.NotNull(page.Document.QuerySelector("main fieldset[disabled]"));
        Assert.Contains("Only your partner admin can change the account information.", page.MainText, StringComparison.Ordinal);

        using var response = await staff.PostFormAsync(Url, ("ReservedEmail", "staff@northwind.example"), ("ReservedMobile", ValidMobile));
        var result = await staff.FollowAsync(response);

        result.AssertStatus(HttpStatusCode.Forbidden);
        Assert.Equal(before, await ReservedContactAsync());
    }

    private async Task<HtmlPage> SubmitAsync(PartnerCenterClient client, string email, string mobile) =>
        await client.FollowAsync(await SubmitResponseAsync(client, email, mobile));

    private static async Task<HttpResponseMessage> SubmitResponseAsync(PartnerCenterClient client, string email, string mobile)
    {
        var form = await client.GetPageAsync(Url);
        return await client.SubmitAsync(form, form.FormOfButton("Save"), ("ReservedEmail", email), ("ReservedMobile", mobile));
    }

    private Task<(string? Email, string? Mobile)> ReservedContactAsync() =>
        App.WithDbAsync(db => db.Partners.Where(p => p.Name == "Northwind Cloud")
            .Select(p => new ValueTuple<string?, string?>(p.ReservedEmail, p.ReservedMobile)).SingleAsync());
}
