using static PartnerCenter.Web.Tests.Associations.AssociationKit;

namespace PartnerCenter.Web.Tests.Associations;

/// <summary>
/// The customer's side (docs/domain.md): the landing page, register or sign in, consent and Associate, with
/// everything checked again at the moment of the click.
/// </summary>
public sealed class AcceptInvitationTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task A_new_customer_registers_from_the_link_consents_and_becomes_the_partners_frozen_customer()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var email = NewEmail("greta");
        var id = await PreregisterAsync(app, sales, "Greta Gruber", email);
        var earlierLink = await CreateLinkAsync(sales, id);
        var token = await CreateLinkAsync(sales, id);

        // The landing page, read without signing in.
        using var customer = app.CreatePartnerCenterClient();
        var landing = await customer.GetPageAsync($"/invite/{token}");
        landing.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Northwind Cloud invites you to become their customer", landing.Heading);
        Assert.Contains("Association type: Reseller", landing.MainText, StringComparison.Ordinal);
        Assert.Contains("Northwind Cloud receives your contact details", landing.MainText, StringComparison.Ordinal);
        Assert.Contains("billing, invoices and support services move to Northwind Cloud", landing.MainText, StringComparison.Ordinal);
        Assert.Contains("ending the association later needs Northwind Cloud's consent", landing.MainText, StringComparison.Ordinal);
        var hash = Invitation.Hash(token);
        var expiresAt = await app.WithDbAsync(db => db.Invitations.Where(i => i.TokenHash == hash).Select(i => i.ExpiresAt).SingleAsync());
        Assert.Contains($"valid until {Shown.InUtc(expiresAt)}", landing.MainText, StringComparison.Ordinal);
        Assert.Equal($"/Account/SignIn?returnUrl={Uri.EscapeDataString($"/invite/{token}")}", landing.LinkHref("Sign in"));
        Assert.Equal($"/invite/{token}/register", landing.LinkHref("Register"));
        Assert.Null(landing.Document.QuerySelector("input[name='Consent']"));

        // Register: the email is the invited address and cannot be changed.
        var register = await customer.GetPageAsync(landing.LinkHref("Register")!);
        register.AssertStatus(HttpStatusCode.OK);
        var emailBox = register.Document.QuerySelector("#Email")!;
        Assert.Equal(email, emailBox.GetAttribute("value"));
        Assert.True(emailBox.HasAttribute("readonly"));
        Assert.Null(emailBox.GetAttribute("name"));
        using var registered = await customer.SubmitAsync(register, register.FormOfButton("Register"),
            ("FullName", "Greta Gruber"), ("Password", CustomerPassword), ("ConfirmPassword", CustomerPassword));
        await registered.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal($"/invite/{token}", registered.Headers.Location!.AbsolutePathOrOriginal());

        // Back on the landing page, signed in: the consent box and Associate.
        var signedIn = await customer.FollowAsync(registered);
        signedIn.AssertStatus(HttpStatusCode.OK);
        Assert.Contains("Your account is ready. Confirm the association below.", signedIn.Alerts("success"));
        Assert.Contains($"Signed in as {email}", signedIn.MainText, StringComparison.Ordinal);
        Assert.NotNull(signedIn.Document.QuerySelector("input[type='checkbox'][name='Consent']"));
        using var associated = await customer.SubmitAsync(signedIn, signedIn.FormOfButton("Associate"), ("Consent", "true"));

        await associated.AssertStatusAsync(HttpStatusCode.OK);
        var success = await HtmlPage.ReadAsync(associated);
        Assert.Equal("You are now a customer of Northwind Cloud", success.Heading);
        Assert.Contains("Your account is restricted from purchases until Northwind Cloud sets a budget", success.MainText, StringComparison.Ordinal);

        // The database: account associated and frozen, record Associated, this link used, the other void.
        var northwindId = await app.WithDbAsync(db => db.Partners.Where(p => p.Name == Northwind).Select(p => p.Id).SingleAsync());
        var account = await app.WithDbAsync(db => db.CustomerAccounts.AsNoTracking().SingleAsync(a => a.Email == email));
        Assert.Equal("Greta Gruber", account.Name);
        Assert.Equal(northwindId, account.AssociatedPartnerId);
        Assert.NotNull(account.AssociatedAt);
        Assert.True(account.IsFrozen);
        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Equal(account.Id, user.CustomerAccountId);
        Assert.Equal("Customer", (await app.WithDbAsync(db =>
            db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).SingleAsync())));
        var record = await app.WithDbAsync(db => db.Preregistrations.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(PreregistrationStatus.Associated, record.Status);
        Assert.NotNull(record.AssociatedAt);
        var links = await app.WithDbAsync(db => db.Invitations.AsNoTracking().Where(i => i.PreregistrationId == id).ToListAsync());
        Assert.Equal(InvitationStatus.Used, links.Single(i => i.Matches(token)).Status);
        Assert.Equal(InvitationStatus.Revoked, links.Single(i => i.Matches(earlierLink)).Status);
        var attempt = await app.WithDbAsync(db => db.AssociationAttempts.AsNoTracking().SingleAsync(a => a.PreregistrationId == id));
        Assert.True(attempt.Succeeded);
        Assert.Null(attempt.Cause);
        Assert.Equal(northwindId, attempt.PartnerId);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e =>
            e.Action == "CustomerAssociated" && e.EntityId == account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(user.Id, audit.ActorUserId);
        // The partner's notice: one message; its text from the outbox while queued, from the pickup
        // folder once sent (the dispatcher runs, and a sent message's bodies are cleared).
        var notice = Assert.Single(await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.To == NorthwindReservedEmail && m.Subject == "Greta Gruber is now your customer").ToListAsync()));
        var noticeText = notice.Status == OutboxStatus.Pending
            ? notice.TextBody
            : (await MimeKit.MimeMessage.LoadAsync(Directory.GetFiles(app.PickupDirectory, $"*-{notice.Id:N}.eml").Single())).TextBody;
        Assert.Contains("Greta Gruber", noticeText, StringComparison.Ordinal);
        Assert.Contains(email, noticeText, StringComparison.Ordinal);
        Assert.Contains("accepted your invitation", noticeText, StringComparison.Ordinal);

        // The partner sees Associated in Customer Development and the frozen customer under Customers.
        var list = await sales.GetPageAsync($"/CustomerDevelopment?Q={Uri.EscapeDataString(email)}");
        var row = list.RowOf($"a[href='/Invitations/History/{id}']");
        Assert.Equal("Associated", row.QuerySelector(".badge-status")!.TextContent.Trim());
        var customers = await sales.GetPageAsync("/Customers");
        customers.AssertStatus(HttpStatusCode.OK);
        var customerRow = customers.RowOf($"input[name='ids'][value='{account.Id}']");
        Assert.Contains("G*** G***", customerRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("g***@prospects.example", customerRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("Frozen", customerRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not set", customerRow.TextContent, StringComparison.Ordinal);
        var history = await sales.GetPageAsync("/CustomerDevelopment/History");
        var latest = history.Document.QuerySelector("main tbody tr")!;
        Assert.Contains("Associated", latest.TextContent, StringComparison.Ordinal);
        Assert.Contains("G*** G***", latest.TextContent, StringComparison.Ordinal);

        // The customer's My Partner page.
        var myPartner = await customer.GetPageAsync("/MyPartner");
        myPartner.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Northwind Cloud", myPartner.Definition("Partner"));
        Assert.Equal("Reseller", myPartner.Definition("Association type"));
        Assert.Equal(Shown.ToNorthwind(account.AssociatedAt!.Value), myPartner.Definition("Since"));
        Assert.StartsWith("Frozen", myPartner.Definition("Account"), StringComparison.Ordinal);
        Assert.Equal("No budget set yet", myPartner.Definition("Budget"));
    }

    [Fact]
    public async Task The_existing_customer_signs_in_from_the_landing_page_comes_back_to_it_and_associates()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var id = await PreregisterAsync(app, sales, "Existing GmbH", DemoUsers.Customer);
        var token = await CreateLinkAsync(sales, id);
        var accountsBefore = await app.WithDbAsync(db => db.CustomerAccounts.CountAsync());

        using var customer = app.CreatePartnerCenterClient();
        var landing = await customer.GetPageAsync($"/invite/{token}");
        var signIn = await customer.GetPageAsync(landing.LinkHref("Sign in")!);
        Assert.Equal($"/invite/{token}", signIn.InputValue("ReturnUrl"));
        using var signedIn = await customer.SubmitAsync(signIn, signIn.FormOfButton("Sign in"),
            ("Email", DemoUsers.Customer), ("Password", DemoUsers.Password));
        await signedIn.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal($"/invite/{token}", signedIn.Headers.Location!.AbsolutePathOrOriginal());
        var back = await customer.FollowAsync(signedIn);
        Assert.Equal("Northwind Cloud invites you to become their customer", back.Heading);
        Assert.Contains($"Signed in as {DemoUsers.Customer}", back.MainText, StringComparison.Ordinal);
        using var associated = await customer.SubmitAsync(back, back.FormOfButton("Associate"), ("Consent", "true"));

        await associated.AssertStatusAsync(HttpStatusCode.OK);
        var success = await HtmlPage.ReadAsync(associated);
        Assert.Equal("You are now a customer of Northwind Cloud", success.Heading);
        Assert.Contains("restricted from purchases", success.MainText, StringComparison.Ordinal);
        var state = await AssociationState.ReadAsync(app, id, DemoUsers.Customer);
        var northwindId = await app.WithDbAsync(db => db.Partners.Where(p => p.Name == Northwind).Select(p => p.Id).SingleAsync());
        Assert.Equal(new AssociationState(PreregistrationStatus.Associated, northwindId, true, "Used", 1, 1, 1), state);
        // The platform account the customer already had is the one associated; none is added.
        Assert.Equal(accountsBefore, await app.WithDbAsync(db => db.CustomerAccounts.CountAsync()));
        var myPartner = await customer.GetPageAsync("/MyPartner");
        Assert.Equal("Northwind Cloud", myPartner.Definition("Partner"));
        Assert.StartsWith("Frozen", myPartner.Definition("Account"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_consent_box_the_message_is_next_to_it_and_nothing_changes()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        using var invited = await InvitedCustomerAsync(app, sales, "Clara Consent");
        var before = await AssociationState.ReadAsync(app, invited.PreregistrationId, invited.Email);
        var attemptsBefore = await app.WithDbAsync(db => db.AssociationAttempts.CountAsync());

        using var response = await AssociateAsync(invited.Client, invited.Token, consent: false);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var page = await HtmlPage.ReadAsync(response);
        Assert.Equal("Northwind Cloud invites you to become their customer", page.Heading);
        Assert.Equal("Tick the box to confirm you agree to the association.", page.FieldError("Consent"));
        Assert.NotNull(page.Document.QuerySelector("input[name='Consent']"));
        Assert.Equal(before, await AssociationState.ReadAsync(app, invited.PreregistrationId, invited.Email));
        Assert.Equal(PreregistrationStatus.Preregistered, before.Status);
        Assert.Equal("Active", before.InvitationStatuses);
        Assert.Equal(attemptsBefore, await app.WithDbAsync(db => db.AssociationAttempts.CountAsync()));

        // The same link still works once the box is ticked.
        using var second = await AssociateAsync(invited.Client, invited.Token);
        await second.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_customer_signed_in_with_another_email_is_refused_and_the_partner_sees_why_in_history_records()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        using var other = await InvitedCustomerAsync(app, sales, "Otto Other");
        var email = NewEmail("paula");
        var id = await PreregisterAsync(app, sales, "Paula Proper", email);
        var token = await CreateLinkAsync(sales, id);
        var before = await AssociationState.ReadAsync(app, id, email);

        // Otto, signed in, opens the link that was sent to Paula.
        using var response = await AssociateAsync(other.Client, token);

        await response.AssertStatusAsync(HttpStatusCode.Conflict);
        var page = await HtmlPage.ReadAsync(response);
        Assert.StartsWith("This invitation was sent to a different email address", page.Problem(), StringComparison.Ordinal);
        Assert.Equal(before, await AssociationState.ReadAsync(app, id, email));
        Assert.Equal("Active", before.InvitationStatuses);
        Assert.Null((await AssociationState.ReadAsync(app, other.PreregistrationId, other.Email)).AssociatedPartnerId);
        var attempt = await app.WithDbAsync(db => db.AssociationAttempts.AsNoTracking().SingleAsync(a => a.PreregistrationId == id));
        Assert.False(attempt.Succeeded);
        Assert.Equal("different_email", attempt.Cause);

        var history = await sales.GetPageAsync("/CustomerDevelopment/History");
        history.AssertStatus(HttpStatusCode.OK);
        var row = history.Document.QuerySelector("main tbody tr")!;
        Assert.Contains("P*** P***", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Association failed", row.QuerySelector("td .badge")!.TextContent.Trim());
        Assert.Equal(AssociationErrors.Describe("different_email").ForPartner, row.QuerySelector("[data-testid='cause']")!.TextContent.Trim());
        Assert.StartsWith("The customer signed in with an email address other than the one you preregistered", row.QuerySelector("[data-testid='cause']")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("Sign in or register with the invited address", history.MainText, StringComparison.Ordinal);
        Assert.Equal("Send the invitation again.", row.QuerySelectorAll("td")[^1].TextContent.Trim());
    }

    public static TheoryData<string> IneligibleCases => new()
    {
        "signed contract", "internal account", "partner or applicant", "special contract", "independent master",
        "consumer cloud user", "Chinese mainland", "associated with another partner",
    };

    [Theory]
    [MemberData(nameof(IneligibleCases))]
    public async Task A_customer_who_became_ineligible_since_the_invitation_is_refused_and_cannot_be_associated(string cause)
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        using var invited = await InvitedCustomerAsync(app, sales, "Ivo Ineligible");
        var contosoId = await app.WithDbAsync(db => db.Partners.Where(p => p.Name == "Contoso Reseller").Select(p => p.Id).SingleAsync());
        var expected = await app.WithDbAsync(async db =>
        {
            var account = await db.CustomerAccounts.SingleAsync(a => a.Email == invited.Email);
            var error = cause switch
            {
                "signed contract" => Set(() => account.HasSignedContract = true, PreregistrationErrors.SignedContract),
                "internal account" => Set(() => account.IsInternalAccount = true, AssociationErrors.InternalAccount),
                "partner or applicant" => Set(() => account.IsPartnerOrApplicant = true, AssociationErrors.PartnerOrApplicant),
                "special contract" => Set(() => account.HasSpecialContract = true, AssociationErrors.SpecialContract),
                "independent master" => Set(() => account.EnterpriseMasterLink = Core.Customers.EnterpriseMasterLink.MasterWithIndependentMembers, AssociationErrors.IndependentMaster),
                "consumer cloud user" => Set(() => account.IsConsumerCloudUser = true, PreregistrationErrors.ConsumerCloudUser),
                "Chinese mainland" => Set(() => account.Website = Core.Customers.RegistrationWebsite.ChineseMainland, PreregistrationErrors.ChineseMainland),
                "associated with another partner" => Set(() => account.AssociateWith(contosoId, DateTime.UnixEpoch, frozen: true), PreregistrationErrors.AssociatedWithAnotherPartner),
                _ => throw new ArgumentOutOfRangeException(nameof(cause)),
            };
            await db.SaveChangesAsync();
            return error;
        });
        var before = await AssociationState.ReadAsync(app, invited.PreregistrationId, invited.Email);

        using var response = await AssociateAsync(invited.Client, invited.Token);

        await response.AssertStatusAsync(HttpStatusCode.Conflict);
        var page = await HtmlPage.ReadAsync(response);
        // The customer reads their own words (what they can do), never the partner's.
        var texts = AssociationErrors.Describe(expected.Code);
        Assert.Equal(texts.ForCustomer, page.Problem());
        Assert.NotEqual(expected.Message, page.Problem());
        Assert.DoesNotContain("This customer", page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("You are now a customer", page.MainText, StringComparison.Ordinal);
        Assert.Equal(before, await AssociationState.ReadAsync(app, invited.PreregistrationId, invited.Email));
        Assert.Equal(PreregistrationStatus.Preregistered, before.Status);
        Assert.Equal("Active", before.InvitationStatuses);
        var attempt = await app.WithDbAsync(db => db.AssociationAttempts.AsNoTracking().SingleAsync(a => a.PreregistrationId == invited.PreregistrationId));
        Assert.False(attempt.Succeeded);
        Assert.Equal(expected.Code, attempt.Cause);
        var failed = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "AssociationFailed" && e.EntityId == invited.PreregistrationId.ToString()));
        Assert.Equal(1, failed);

        var history = await sales.GetPageAsync("/CustomerDevelopment/History");
        var row = history.Document.QuerySelector("main tbody tr")!;
        Assert.Contains("I*** I***", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Association failed", row.QuerySelector("td .badge")!.TextContent.Trim());
        Assert.Equal(expected.Message, row.QuerySelector("[data-testid='cause']")!.TextContent.Trim());
        Assert.Equal(texts.ForPartner, expected.Message);
        Assert.DoesNotContain(texts.ForCustomer, history.MainText, StringComparison.Ordinal);
        Assert.Equal("This customer cannot be associated.", row.QuerySelectorAll("td")[^1].TextContent.Trim());

        static Core.Common.Error Set(Action change, Core.Common.Error error)
        {
            change();
            return error;
        }
    }

    [Fact]
    public async Task A_used_link_says_so_on_the_landing_register_and_associate_pages_and_changes_nothing_more()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        using var invited = await InvitedCustomerAsync(app, sales, "Ulla Used");
        using (var first = await AssociateAsync(invited.Client, invited.Token))
        {
            await first.AssertStatusAsync(HttpStatusCode.OK);
        }

        var after = await AssociationState.ReadAsync(app, invited.PreregistrationId, invited.Email);
        const string used = "This invitation link has already been used. Ask the partner who invited you to send a new invitation.";

        using var anonymous = app.CreatePartnerCenterClient();
        var landing = await anonymous.GetPageAsync($"/invite/{invited.Token}");
        landing.AssertStatus(HttpStatusCode.NotFound);
        Assert.Equal("This invitation cannot be used", landing.Heading);
        Assert.Equal(used, landing.Problem());
        Assert.Null(landing.LinkHref("Register"));
        var register = await anonymous.GetPageAsync($"/invite/{invited.Token}/register");
        register.AssertStatus(HttpStatusCode.NotFound);
        Assert.Equal(used, register.Problem());

        // The associated customer clicks Associate again from the page still open in another tab.
        using var again = await invited.Client.PostFormAsync($"/invite/{invited.Token}/associate", ("Consent", "true"));
        await again.AssertStatusAsync(HttpStatusCode.Conflict);
        Assert.Equal(used, (await HtmlPage.ReadAsync(again)).Problem());
        Assert.Equal(after, await AssociationState.ReadAsync(app, invited.PreregistrationId, invited.Email));
        Assert.Equal((1, 1), (after.SuccessfulAttempts, after.CustomerAssociatedAudits));
    }

    [Fact]
    public async Task The_headers_sign_in_on_the_landing_page_returns_to_the_invitation_after_signing_in_as_the_pages_own_button_does()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var id = await PreregisterAsync(app, sales, "Hedda Header", NewEmail("hedda"));
        var token = await MintTokenAsync(app, id);
        using var customer = app.CreatePartnerCenterClient();
        var landing = await customer.GetPageAsync($"/invite/{token}");

        var header = landing.Document.QuerySelectorAll("header a").Single(a => a.TextContent.Trim() == "Sign in").GetAttribute("href");
        var expected = $"/Account/SignIn?returnUrl={Uri.EscapeDataString($"/invite/{token}")}";
        Assert.Equal(expected, header);
        Assert.Equal(expected, landing.LinkHref("Sign in"));

        var signIn = await customer.GetPageAsync(header!);
        using var signedIn = await customer.SubmitAsync(signIn, signIn.FormOfButton("Sign in"), ("Email", DemoUsers.Customer), ("Password", DemoUsers.Password));
        await signedIn.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal($"/invite/{token}", signedIn.Headers.Location!.AbsolutePathOrOriginal());
        var back = await customer.FollowAsync(signedIn);
        Assert.Equal("Northwind Cloud invites you to become their customer", back.Heading);
        Assert.NotNull(back.Document.QuerySelector("input[type='checkbox'][name='Consent']"));

        // Elsewhere the header's Sign in carries no return address.
        var home = await app.CreatePartnerCenterClient().GetPageAsync("/Account/SignIn");
        Assert.Equal("/Account/SignIn", home.Document.QuerySelectorAll("header a").Single(a => a.TextContent.Trim() == "Sign in").GetAttribute("href"));
    }

    [Fact]
    public async Task An_unknown_link_says_it_does_not_exist_a_void_one_that_it_is_no_longer_valid_and_neither_names_partner_or_customer()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        using var invited = await InvitedCustomerAsync(app, sales, "Viktor Void");
        var voided = await MintTokenAsync(app, invited.PreregistrationId);
        using (var associated = await AssociateAsync(invited.Client, invited.Token))
        {
            await associated.AssertStatusAsync(HttpStatusCode.OK);
        }

        const string notFound = "This invitation link does not exist. Ask the partner who invited you to send a new invitation.";
        const string noLongerValid = "This invitation link is no longer valid. Ask the partner who invited you to send a new invitation.";
        const string unknown = "dGhpcy1pcy1ub3QtYS1yZWFsLWludml0YXRpb24tdG9rZW4";
        using var anonymous = app.CreatePartnerCenterClient();
        foreach (var (token, expected) in new[] { (unknown, notFound), (voided, noLongerValid), (new string('a', 65), notFound) })
        {
            var landing = await anonymous.GetPageAsync($"/invite/{token}");
            landing.AssertStatus(HttpStatusCode.NotFound);
            Assert.Equal(expected, landing.Problem());
            var register = await anonymous.GetPageAsync($"/invite/{token}/register");
            register.AssertStatus(HttpStatusCode.NotFound);
            Assert.Equal(expected, register.Problem());
            foreach (var text in new[] { landing.MainText, register.MainText })
            {
                Assert.DoesNotContain("Northwind", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("Viktor", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("@", text, StringComparison.Ordinal);
            }
        }

        // A signed-in customer posting to an unknown link learns the same and nothing is recorded.
        var attempts = await app.WithDbAsync(db => db.AssociationAttempts.CountAsync());
        using var post = await invited.Client.PostFormAsync($"/invite/{unknown}/associate", ("Consent", "true"));
        Assert.Contains(post.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Conflict });
        var page = await HtmlPage.ReadAsync(post);
        Assert.Equal(notFound, page.Problem());
        Assert.DoesNotContain("Northwind", page.MainText, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(attempts, await app.WithDbAsync(db => db.AssociationAttempts.CountAsync()));
    }

    [Fact]
    public async Task A_partner_user_on_the_landing_page_gets_no_associate_button_and_a_post_is_refused()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var email = NewEmail("pia");
        var id = await PreregisterAsync(app, sales, "Pia Partnerless", email);
        var token = await CreateLinkAsync(sales, id);
        var before = await AssociationState.ReadAsync(app, id, email);

        var landing = await sales.GetPageAsync($"/invite/{token}");
        landing.AssertStatus(HttpStatusCode.OK);
        Assert.Null(landing.Document.QuerySelector("input[name='Consent']"));
        Assert.Contains("which is not a customer account", landing.MainText, StringComparison.Ordinal);
        using var post = await sales.PostFormAsync($"/invite/{token}/associate", ("Consent", "true"));

        var page = await HtmlPage.ReadAsync(post);
        Assert.Contains("Sign in with a customer account to accept this invitation.", page.SummaryErrors);
        Assert.Equal(before, await AssociationState.ReadAsync(app, id, email));
    }

    [Theory, AllEngines]
    public async Task Racing_for_one_link_from_two_sessions_with_double_clicks_ends_in_exactly_one_association(DatabaseEngine engine)
    {
        // An own of its own: the race runs on each engine.
        await using var own = new TestApp { Engine = engine };
        using var sales = await own.SignedInClientAsync(DemoUsers.NorthwindSales);
        using var invited = await InvitedCustomerAsync(own, sales, "Rita Race");
        using var secondTab = own.CreatePartnerCenterClient();
        await secondTab.SignInOrThrowAsync(invited.Email, CustomerPassword);
        using var rival = await InvitedCustomerAsync(own, sales, "Rolf Rival");

        // Every session has the landing page open; then they all click Associate at once.
        var sessions = new[] { invited.Client, invited.Client, secondTab, secondTab, rival.Client };
        var pages = new List<HtmlPage>();
        foreach (var session in sessions)
        {
            pages.Add(await session.GetPageAsync($"/invite/{invited.Token}"));
        }

        var responses = await Task.WhenAll(sessions.Select((session, i) =>
            session.SubmitAsync(pages[i], pages[i].FormOfButton("Associate"), ("Consent", "true"))));
        var results = new List<HtmlPage>();
        foreach (var response in responses)
        {
            using (response)
            {
                results.Add(await HtmlPage.ReadAsync(response));
            }
        }

        var winners = results.Where(r => r.Status == HttpStatusCode.OK).ToList();
        var winner = Assert.Single(winners);
        Assert.Equal("You are now a customer of Northwind Cloud", winner.Heading);
        Assert.NotSame(results[4], winner); // the rival's email is not the invited one
        Assert.All(results.Where(r => r != winner), r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.Status);
            Assert.NotNull(r.Problem());
        });
        // The invited customer's other tabs lose: told the link is used, or, when the winner's association had already
        // committed by the time their own checks ran, that the account already is this partner's customer. Both are true.
        string[] losing = [InvitationErrors.Used.Message, "Your account is already a customer of this partner. There is nothing more to do."];
        Assert.All(results.Take(4).Where(r => r != winner), r => Assert.Contains(r.Problem(), losing));

        var state = await AssociationState.ReadAsync(own, invited.PreregistrationId, invited.Email);
        var northwindId = await own.WithDbAsync(db => db.Partners.Where(p => p.Name == Northwind).Select(p => p.Id).SingleAsync());
        Assert.Equal(new AssociationState(PreregistrationStatus.Associated, northwindId, true, "Used", 1, 1, 1), state);
        Assert.Null((await AssociationState.ReadAsync(own, rival.PreregistrationId, rival.Email)).AssociatedPartnerId);
        var associatedAudits = await own.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "CustomerAssociated"
            && e.After!.Contains(invited.PreregistrationId.ToString())));
        Assert.Equal(1, associatedAudits);
    }
}
