using static PartnerCenter.Web.Tests.Preregistrations.PreregistrationKit;

namespace PartnerCenter.Web.Tests.Preregistrations;

/// <summary>
/// Preregister Customer: the outcome of a submission (refused with its cause, manual review offered,
/// preregistered), input errors and the prerequisites, with the demo customer accounts.
/// The clock never moves here; every test preregisters customers of its own.
/// </summary>
public sealed class PreregisterCustomerTests(PreregistrationFactory app) : AppTest<PreregistrationFactory>(app)
{
    private const string NameRequired = "Enter the customer's full name.";
    private const string NameTooLong = "The full name can have at most 64 characters.";
    private const string NameBidi = "The full name cannot contain text direction control characters (U+202A to U+202E, U+2066 to U+2069).";
    private const string EmailCharacters = "The email address can contain only letters, digits, underscores (_), hyphens (-) and periods (.).";
    private const string EmailMalformed = "Enter a valid email address, such as name@example.com.";
    private const string MobileInvalid = "Enter a valid mobile number in international format with the country code, such as +49 1512 3456789.";
    private const string SixtyFiveCharacters = "Maximilian LLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLL";
    private const string NoReservedContact = "Reserve a contact email address or mobile number on Account Information before preregistering customers.";

    [Theory]
    [InlineData("mainland@customers.example", "This customer is registered on the Chinese mainland website and cannot be preregistered.")]
    [InlineData("associated@customers.example", "This customer is already associated with another partner.")]
    [InlineData("claimed@customers.example", ClaimedByAnother)]
    [InlineData("consumer@customers.example", "This customer is a consumer cloud user and cannot be preregistered.")]
    [InlineData("contract@customers.example", "This customer has signed contracts with the platform.")]
    [InlineData("spender@customers.example", "This customer has cash expenditure records and was not preregistered by the platform's direct sales team.")]
    [InlineData("member@customers.example", "This customer is associated with an enterprise master in the unified accounting model.")]
    public async Task Each_refusal_cause_shows_its_own_message_and_saves_nothing(string email, string message)
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var rows = await App.PreregistrationCountAsync();
        var audit = await AuditCountAsync();

        var page = await sales.PreregisterAsync("Refused Customer", email, GermanMobile(11));

        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Preregister Customer", page.Heading);
        Assert.Equal([message], page.SummaryErrors);
        Assert.Empty(page.Alerts("success"));
        Assert.Equal(email, page.InputValue("Email"));
        Assert.Equal(rows, await App.PreregistrationCountAsync());
        Assert.Equal(audit, await AuditCountAsync());
    }

    [Fact]
    public async Task Every_refusal_cause_that_applies_is_shown_at_once_and_no_review_is_offered_even_when_a_trigger_applies_too()
    {
        // A customer refused for three causes at once, who would also trigger the online-sales-team review.
        var email = Preregister.NewEmail("manycauses");
        await App.WithDbAsync(async db =>
        {
            db.CustomerAccounts.Add(new Core.Customers.CustomerAccount
            {
                Email = email, Name = "Many Causes", CountryCode = "DE", RegisteredAt = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                Website = Core.Customers.RegistrationWebsite.ChineseMainland, IsConsumerCloudUser = true, HasSignedContract = true,
                IsOnlineSalesTeamMember = true,
            });
            return await db.SaveChangesAsync();
        });
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var rows = await App.PreregistrationCountAsync();
        string[] all =
        [
            PreregistrationErrors.ChineseMainland.Message, PreregistrationErrors.ConsumerCloudUser.Message, PreregistrationErrors.SignedContract.Message,
        ];

        var page = await sales.PreregisterAsync("Many Causes", email, GermanMobile(14));

        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(all, page.SummaryErrors);
        Assert.DoesNotContain(ManualReview, page.MainText, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("button[type=submit].btn-warning"));
        Assert.Equal(email, page.InputValue("Email"));

        // A crafted confirmation of a review is refused with the same causes: a refusal always wins.
        using var crafted = await sales.PostFormAsync(FormUrl, FormFields("Many Causes", email, GermanMobile(14), confirmReview: true));
        var again = await HtmlPage.ReadAsync(crafted);
        Assert.Equal(all, again.SummaryErrors);
        Assert.Equal(rows, await App.PreregistrationCountAsync());
    }

    [Fact]
    public async Task The_partners_own_claim_and_a_refusal_cause_are_shown_together()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var email = Preregister.NewEmail("owncontract");
        await sales.PreregisterOrFailAsync("Own Contract", email, GermanMobile(15));
        await App.WithDbAsync(async db =>
        {
            db.CustomerAccounts.Add(new Core.Customers.CustomerAccount
            {
                Email = email, Name = "Own Contract", CountryCode = "DE", RegisteredAt = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                HasSignedContract = true,
            });
            return await db.SaveChangesAsync();
        });

        var page = await sales.PreregisterAsync("Own Contract", email, GermanMobile(15));

        Assert.Equal(
            ["You have already preregistered this customer; see it in your list.", PreregistrationErrors.SignedContract.Message],
            page.SummaryErrors);
    }

    [Theory]
    [InlineData("loyal@customers.example", "This customer is already your customer.")]
    [InlineData("anna.schmidt@prospects.example", "You have already preregistered this customer; see it in your list.")]
    public async Task The_partners_own_customers_and_claims_are_refused_too(string email, string message)
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var rows = await App.PreregistrationCountAsync();

        var page = await sales.PreregisterAsync("Own Customer", email, GermanMobile(12));

        Assert.Equal([message], page.SummaryErrors);
        Assert.Equal(rows, await App.PreregistrationCountAsync());
    }

    [Theory]
    [InlineData("directsales@customers.example", "Direct Sales Prospect", ReviewTrigger.DirectSales)]
    [InlineData("abroad@customers.example", "Abroad Ventures", ReviewTrigger.Country)]
    [InlineData("onlinesales@customers.example", "Online Sales Lead", ReviewTrigger.OnlineSalesTeam)]
    public async Task Each_review_trigger_offers_a_manual_review_and_confirming_saves_it_pending_review(
        string email, string name, ReviewTrigger trigger)
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var rows = await App.PreregistrationCountAsync();
        var open = await App.OpenCountAsync(Northwind);

        var offer = await sales.PreregisterAsync(name, email, GermanMobile(13), sendInvitation: true);

        offer.AssertStatus(HttpStatusCode.OK);
        Assert.Contains(ManualReview, offer.MainText, StringComparison.Ordinal);
        var reasons = offer.Document.QuerySelectorAll("[aria-labelledby='review-heading'] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal([trigger.Label()], reasons);
        Assert.Empty(offer.SummaryErrors);
        Assert.Equal(rows, await App.PreregistrationCountAsync());

        using var confirmed = await sales.SubmitAsync(offer, offer.FormOfButton("Submit for manual review"));

        await confirmed.AssertStatusAsync(HttpStatusCode.Redirect);
        var list = await sales.FollowAsync(confirmed);
        Assert.Equal([$"{name} was submitted for manual review. An ecosystem manager decides within 2 working days."], list.Alerts("success"));
        Assert.Equal(UsageLine(open + 1), list.Usage());
        var record = Assert.Single(await App.RecordsAsync(email));
        Assert.Equal(PreregistrationStatus.PendingReview, record.Status);
        Assert.Equal(trigger, record.ReviewTrigger);
        Assert.Equal(name, record.CustomerName);
        Assert.Equal(await App.PartnerIdAsync(Northwind), record.PartnerId);
        Assert.Null(record.PreregisteredAt);
        Assert.Null(record.ExpiresAt);
        Assert.True(record.SendInvitation);
    }

    [Fact]
    public async Task A_new_customer_with_a_mobile_from_outside_the_business_countries_needs_a_country_review()
    {
        const string email = "joao.pereira@prospects.example";
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var rows = await App.PreregistrationCountAsync();

        var offer = await sales.PreregisterAsync("João Pereira", email, "+5511912345678");

        Assert.Contains(ManualReview, offer.MainText, StringComparison.Ordinal);
        Assert.Contains(ReviewTrigger.Country.Label(), offer.MainText, StringComparison.Ordinal);
        Assert.Equal(rows, await App.PreregistrationCountAsync());

        using var confirmed = await sales.SubmitAsync(offer, offer.FormOfButton("Submit for manual review"));

        await confirmed.AssertStatusAsync(HttpStatusCode.Redirect);
        var record = Assert.Single(await App.RecordsAsync(email));
        Assert.Equal(PreregistrationStatus.PendingReview, record.Status);
        Assert.Equal(ReviewTrigger.Country, record.ReviewTrigger);
        Assert.Equal("+5511912345678", record.MobileE164);
        Assert.Equal("BR", record.MobileRegion);
    }

    [Fact]
    public async Task A_fresh_eligible_email_is_preregistered_for_15_days_normalised_with_its_invitation_choice()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var open = await App.OpenCountAsync(Northwind);
        var now = App.Now;

        using var response = await sales.SubmitFormAsync("  Frieda Neumann ", "  Frieda.Neumann@Prospects.EXAMPLE ", "+49 1512 3456721", sendInvitation: true);

        // Post/redirect/get back to the list, with the success message.
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal(ListUrl, response.Headers.Location!.AbsolutePathOrOriginal());
        var list = await sales.FollowAsync(response);
        var success = Assert.Single(list.Alerts("success"));
        Assert.StartsWith($"Frieda Neumann is preregistered, valid until {Shown.ToNorthwind(now.AddDays(15))}.", success, StringComparison.Ordinal);
        Assert.Equal(UsageLine(open + 1), list.Usage());
        var row = Assert.Single(list.Rows(), r => r.Email == "f***@prospects.example");
        Assert.Equal(("F*** N***", "Preregistered", "Expires in 15 days"), (row.Name, row.Status, row.ExpiresIn));

        var record = Assert.Single(await App.RecordsAsync("frieda.neumann@prospects.example"));
        Assert.Equal(PreregistrationStatus.Preregistered, record.Status);
        Assert.Equal(ReviewTrigger.None, record.ReviewTrigger);
        Assert.Equal("Frieda Neumann", record.CustomerName);
        Assert.Equal("+4915123456721", record.MobileE164);
        Assert.Equal(now, record.PreregisteredAt);
        Assert.Equal(TestApp.FakeStart.UtcDateTime.AddDays(15), record.ExpiresAt);
        Assert.True(record.SendInvitation);
        Assert.Equal(await App.UserIdAsync(DemoUsers.NorthwindSales), record.CreatedByUserId);
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "PreregistrationSubmitted" && e.EntityId == record.Id.ToString()).ToListAsync());
        Assert.Single(audit);
    }

    [Fact]
    public async Task An_eligible_platform_account_is_preregistered_and_no_invitation_is_stored_when_the_partner_says_no()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);

        var list = await sales.PreregisterAsync("Existing GmbH", "EXISTING@customers.example", GermanMobile(22));

        Assert.Equal([$"Existing GmbH is preregistered, valid until {Shown.ToNorthwind(App.Now.AddDays(15))}."], list.Alerts("success"));
        var record = Assert.Single(await App.RecordsAsync(DemoUsers.Customer));
        Assert.Equal(PreregistrationStatus.Preregistered, record.Status);
        Assert.False(record.SendInvitation);
    }

    [Fact]
    public async Task A_name_of_64_characters_is_accepted()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var name = SixtyFiveCharacters[..64];
        Assert.Equal(65, SixtyFiveCharacters.Length);

        await sales.PreregisterOrFailAsync(name, "long.name@prospects.example", GermanMobile(23));

        Assert.Equal(name, Assert.Single(await App.RecordsAsync("long.name@prospects.example")).CustomerName);
    }

    [Fact]
    public async Task The_name_field_takes_as_many_characters_as_the_server_accepts_and_text_direction_marks_are_still_allowed()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);

        var form = await sales.GetPageAsync(FormUrl);
        Assert.Equal(PersonName.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), form.Document.QuerySelector("input#FullName")?.GetAttribute("maxlength"));

        // U+200F (right-to-left mark) and Arabic script are names, not bidi controls.
        await sales.PreregisterOrFailAsync("\u0645\u0631\u064A\u0645 \u200F\u0639\u0644\u064A", "rtl.name@prospects.example", GermanMobile(24));
        Assert.Single(await App.RecordsAsync("rtl.name@prospects.example"));
    }

    [Theory]
    [InlineData("FullName", "", "input.empty.name@prospects.example", "+4915123456731", NameRequired)]
    [InlineData("FullName", "   ", "input.blank.name@prospects.example", "+4915123456732", NameRequired)]
    [InlineData("FullName", SixtyFiveCharacters, "input.long.name@prospects.example", "+4915123456733", NameTooLong)]
    [InlineData("FullName", "Anna \u202Egnirts\u202C Schmidt", "input.rlo.name@prospects.example", "+4915123456738", NameBidi)]
    [InlineData("FullName", "\u202AAnna Schmidt", "input.lre.name@prospects.example", "+4915123456739", NameBidi)]
    [InlineData("FullName", "Anna \u2066Schmidt\u2069", "input.lri.name@prospects.example", "+4915123456740", NameBidi)]
    [InlineData("Email", "Input Person", "a+b@x.com", "+4915123456734", EmailCharacters)]
    [InlineData("Email", "Input Person", "name with space@prospects.example", "+4915123456735", EmailCharacters)]
    [InlineData("Email", "Input Person", "name@prospects", "+4915123456736", EmailMalformed)]
    [InlineData("Email", "Input Person", "name..dots@prospects.example", "+4915123456737", EmailMalformed)]
    [InlineData("Mobile", "Input Person", "input.short.mobile@prospects.example", "12345", MobileInvalid)]
    [InlineData("Mobile", "Input Person", "input.national.mobile@prospects.example", "015123456789", MobileInvalid)]
    [InlineData("Mobile", "Input Person", "input.fixed.line@prospects.example", "+49 30 901820", MobileInvalid)]
    public async Task Invalid_input_is_reported_next_to_its_field_and_the_other_input_is_kept(
        string field, string name, string email, string mobile, string message)
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var rows = await App.PreregistrationCountAsync();

        var page = await sales.PreregisterAsync(name, email, mobile);

        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(message, page.FieldError(field));
        var values = new Dictionary<string, string> { ["FullName"] = name, ["Email"] = email, ["Mobile"] = mobile };
        foreach (var (other, value) in values.Where(v => v.Key != field))
        {
            Assert.Null(page.FieldError(other));
            Assert.Equal(value, page.InputValue(other));
        }

        Assert.Empty(page.SummaryErrors);
        Assert.Empty(page.Alerts("success"));
        Assert.Equal(rows, await App.PreregistrationCountAsync());
    }

    [Fact]
    public async Task A_partner_without_a_reserved_contact_is_sent_to_account_information_and_refused()
    {
        var admin = await SignInAsync(DemoUsers.FabrikamAdmin);
        var rows = await App.PreregistrationCountAsync();

        var form = await admin.GetPageAsync(FormUrl);

        form.AssertStatus(HttpStatusCode.OK);
        var link = form.Document.QuerySelector("main .alert a[href='/PartnerInformation/AccountInformation']");
        Assert.NotNull(link);
        Assert.Equal("Account Information", link.TextContent.Trim());
        Assert.NotNull(form.Document.QuerySelector("main form fieldset[disabled]"));

        // The disabled form is no protection: a crafted POST is refused by the domain.
        using var response = await admin.PostFormAsync(FormUrl, FormFields("Fabrikam Customer", "fabrikam.customer@prospects.example", "+31612345678"));
        var refused = await admin.FollowAsync(response);

        refused.AssertStatus(HttpStatusCode.OK);
        Assert.Equal([NoReservedContact], refused.SummaryErrors);
        Assert.NotNull(refused.Document.QuerySelector("main .alert a[href='/PartnerInformation/AccountInformation']"));
        Assert.Equal(rows, await App.PreregistrationCountAsync());
    }

    [Fact]
    public async Task A_user_without_the_permission_never_reaches_the_form_nor_saves_by_posting()
    {
        var intern = await SignInAsync(DemoUsers.NorthwindIntern);
        var rows = await App.PreregistrationCountAsync();

        var form = await intern.GetPageAsync(FormUrl);
        using var response = await intern.PostFormAsync(FormUrl, FormFields("Intern Customer", "intern.customer@prospects.example", GermanMobile(41)));

        form.AssertStatus(HttpStatusCode.Forbidden);
        Assert.Null(form.Document.QuerySelector("input[name='Email']"));
        await response.AssertStatusAsync(HttpStatusCode.Forbidden);
        Assert.Equal(rows, await App.PreregistrationCountAsync());
    }

    private Task<int> AuditCountAsync() => App.WithDbAsync(db => db.AuditEntries.CountAsync());
}
