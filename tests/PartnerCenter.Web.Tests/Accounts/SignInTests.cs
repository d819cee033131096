namespace PartnerCenter.Web.Tests.Accounts;

public sealed class SignInTests(TestApp app) : AppTest<TestApp>(app)
{
    private const string Incorrect = "The email address or password is incorrect.";
    private const string LockedOut = "This account is locked after too many failed sign-in attempts. Try again in 15 minutes.";

    [Fact]
    public async Task Correct_password_signs_in_and_lands_on_home_with_the_users_name()
    {
        var client = NewClient();

        using var response = await client.SignInAsync(DemoUsers.NorthwindSales);

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.True(client.HasAuthCookie);
        var home = await client.GetPageAsync("/");
        home.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Sam Sales", home.Document.QuerySelector("[data-testid='signed-in-user']")?.TextContent.Trim());
        Assert.Contains("Northwind Cloud", home.Document.QuerySelector("nav")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_shows_the_incorrect_message_and_does_not_sign_in()
    {
        var client = NewClient();

        using var response = await client.SignInAsync(DemoUsers.TailspinAdmin, "Wrong123!");

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var page = await HtmlPage.ReadAsync(response);
        Assert.Equal([Incorrect], page.SummaryErrors);
        Assert.Equal(DemoUsers.TailspinAdmin, page.InputValue("Email"));
        Assert.Equal("", page.InputValue("Password") ?? "");
        Assert.False(client.HasAuthCookie);
    }

    [Fact]
    public async Task Unknown_email_gets_the_same_message_as_a_wrong_password()
    {
        var client = NewClient();

        using var response = await client.SignInAsync("nobody@northwind.example");

        var page = await HtmlPage.ReadAsync(response);
        Assert.Equal([Incorrect], page.SummaryErrors);
        Assert.False(client.HasAuthCookie);
    }

    [Fact]
    public async Task Empty_fields_are_reported_next_to_each_field()
    {
        var client = NewClient();

        using var response = await client.SignInAsync("", "");

        var page = await HtmlPage.ReadAsync(response);
        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Enter your email address.", page.FieldError("Email"));
        Assert.Equal("Enter your password.", page.FieldError("Password"));
        Assert.False(client.HasAuthCookie);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_so_the_correct_password_is_refused()
    {
        // A user no other test of this class signs in as: the lockout is permanent for the factory's life.
        var client = NewClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failed = await client.SignInAsync(DemoUsers.FabrikamAdmin, $"Wrong{attempt}!");
            Assert.Equal([Incorrect], (await HtmlPage.ReadAsync(failed)).SummaryErrors);
        }

        using (var fifth = await client.SignInAsync(DemoUsers.FabrikamAdmin, "Wrong5!"))
        {
            Assert.Equal([LockedOut], (await HtmlPage.ReadAsync(fifth)).SummaryErrors);
        }

        using var sixth = await client.SignInAsync(DemoUsers.FabrikamAdmin, DemoUsers.Password);

        await sixth.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal([LockedOut], (await HtmlPage.ReadAsync(sixth)).SummaryErrors);
        Assert.False(client.HasAuthCookie);
        var lockoutEnd = await App.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.FabrikamAdmin).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd.Value, DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(16));
    }

    [Fact]
    public async Task Fewer_than_five_failures_then_the_correct_password_signs_in()
    {
        var client = NewClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failed = await client.SignInAsync(DemoUsers.ContosoAdmin, $"Wrong{attempt}!");
            await failed.AssertStatusAsync(HttpStatusCode.OK);
        }

        using var response = await client.SignInAsync(DemoUsers.ContosoAdmin);

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.True(client.HasAuthCookie);
        var failures = await App.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.ContosoAdmin).Select(u => u.AccessFailedCount).SingleAsync());
        Assert.Equal(0, failures);
    }

    [Fact]
    public async Task Sign_out_ends_the_session_so_home_asks_to_sign_in_again()
    {
        var client = await SignInAsync(DemoUsers.NorthwindSales);
        var home = await client.GetPageAsync("/");
        var signOut = home.FormOfButton("Sign out");

        using var response = await client.SubmitAsync(home, signOut);

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/Account/SignIn", response.Headers.Location?.AbsolutePathOrOriginal());
        Assert.False(client.HasAuthCookie);
        using var after = await client.GetAsync("/");
        await after.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/Account/SignIn", after.Headers.Location?.AbsolutePathOrOriginal());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/CustomerDevelopment")]
    [InlineData("/PartnerInformation/AccountInformation")]
    [InlineData("/Users")]
    public async Task Anonymous_visitor_is_sent_to_sign_in_with_a_return_url(string path)
    {
        var client = NewClient();

        using var response = await client.GetAsync(path);

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        var location = new Uri(new Uri("http://localhost"), response.Headers.Location!);
        Assert.Equal("/Account/SignIn", location.AbsolutePath);
        Assert.Equal($"?ReturnUrl={Uri.EscapeDataString(path)}", location.Query);
    }

    [Fact]
    public async Task Signing_in_returns_to_the_local_page_that_asked_for_it()
    {
        var client = NewClient();

        using var response = await client.SignInAsync(DemoUsers.NorthwindSales, returnUrl: "/CustomerDevelopment");

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/CustomerDevelopment", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    public async Task A_return_url_to_another_site_is_ignored(string returnUrl)
    {
        var client = NewClient();

        using var response = await client.SignInAsync(DemoUsers.NorthwindSales, returnUrl: returnUrl);

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
