using PartnerCenter.Core.Accounts;
using static PartnerCenter.Web.Tests.Associations.AssociationKit;

namespace PartnerCenter.Web.Tests.Associations;

/// <summary>Registering from an invitation: the invited address, Identity's password rules, one account per email.</summary>
public sealed class CustomerRegistrationTests(TestApp app) : AppTest<TestApp>(app)
{
    [Fact]
    public async Task A_weak_password_shows_identitys_rules_next_to_the_password_keeps_the_name_and_creates_nothing()
    {
        var (email, token) = await InviteAsync("Walter Weak");
        var customer = NewClient();
        var page = await customer.GetPageAsync($"/invite/{token}/register");

        using var response = await customer.SubmitAsync(page, page.FormOfButton("Register"),
            ("FullName", "Walter Weak"), ("Password", "weak"), ("ConfirmPassword", "weak"));

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var again = await HtmlPage.ReadAsync(response);
        var error = again.FieldError("Password");
        Assert.NotNull(error);
        Assert.Contains("Passwords must be at least 8 characters.", error, StringComparison.Ordinal);
        Assert.Contains("Passwords must have at least one digit ('0'-'9').", error, StringComparison.Ordinal);
        Assert.Contains("Passwords must have at least one uppercase ('A'-'Z').", error, StringComparison.Ordinal);
        Assert.Contains("Passwords must have at least one non alphanumeric character.", error, StringComparison.Ordinal);
        Assert.Equal("Walter Weak", again.InputValue("FullName"));
        Assert.Equal(email, again.Document.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.Empty(again.InputValue("Password") ?? "");
        Assert.False(customer.HasAuthCookie);
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.False(await App.WithDbAsync(db => db.CustomerAccounts.AnyAsync(a => a.Email == email)));
    }

    [Fact]
    public async Task Mismatched_confirmation_and_a_missing_name_are_shown_next_to_their_fields()
    {
        var (email, token) = await InviteAsync("Mona Mismatch");
        var customer = NewClient();
        var page = await customer.GetPageAsync($"/invite/{token}/register");

        using var response = await customer.SubmitAsync(page, page.FormOfButton("Register"),
            ("FullName", "  "), ("Password", CustomerPassword), ("ConfirmPassword", CustomerPassword + "x"));

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var again = await HtmlPage.ReadAsync(response);
        Assert.Equal("Enter your full name.", again.FieldError("FullName"));
        Assert.Equal("The passwords do not match.", again.FieldError("ConfirmPassword"));
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task An_email_that_already_has_an_account_is_told_to_sign_in_instead()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var id = await PreregisterAsync(App, sales, "Existing GmbH", DemoUsers.Customer);
        var token = await CreateLinkAsync(sales, id);
        var users = await App.WithDbAsync(db => db.Users.CountAsync());
        var accounts = await App.WithDbAsync(db => db.CustomerAccounts.CountAsync());
        var customer = NewClient();
        var page = await customer.GetPageAsync($"/invite/{token}/register");

        using var response = await customer.SubmitAsync(page, page.FormOfButton("Register"),
            ("FullName", "Someone Else"), ("Password", CustomerPassword), ("ConfirmPassword", CustomerPassword));

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var again = await HtmlPage.ReadAsync(response);
        Assert.Contains("An account with this email address already exists. Sign in instead.", again.SummaryErrors);
        Assert.Equal("Someone Else", again.InputValue("FullName"));
        Assert.False(customer.HasAuthCookie);
        Assert.Equal(users, await App.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(accounts, await App.WithDbAsync(db => db.CustomerAccounts.CountAsync()));
        // The existing sign-in is untouched: the old password still works.
        var existing = await SignInAsync(DemoUsers.Customer);
    }

    [Fact]
    public async Task The_account_gets_the_invited_address_whatever_email_the_form_posts()
    {
        var (email, token) = await InviteAsync("Ida Invited");
        var customer = NewClient();
        var page = await customer.GetPageAsync($"/invite/{token}/register");

        using var response = await customer.SubmitAsync(page, page.FormOfButton("Register"),
            ("FullName", "Ida Invited"), ("Email", "someone.else@attacker.example"),
            ("Password", CustomerPassword), ("ConfirmPassword", CustomerPassword));

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        var user = await App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Equal(email, user.UserName);
        Assert.Equal("Ida Invited", user.DisplayName);
        var account = await App.WithDbAsync(db => db.CustomerAccounts.AsNoTracking().SingleAsync(a => a.Email == email));
        Assert.Equal(account.Id, user.CustomerAccountId);
        Assert.Equal("DE", account.CountryCode);
        Assert.Null(account.AssociatedPartnerId);
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.Email!.Contains("attacker"))));
        var roles = await App.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync());
        Assert.Equal([Roles.Customer], roles);

        // Registered and signed in as that customer: the landing page offers Associate.
        var landing = await customer.FollowAsync(response);
        Assert.Contains($"Signed in as {email}", landing.MainText, StringComparison.Ordinal);
        Assert.NotNull(landing.Document.QuerySelector("input[name='Consent']"));
        // Registering is not associating.
        Assert.Equal("Active", (await AssociationState.ReadAsync(App, await PreregistrationIdAsync(App, email), email)).InvitationStatuses);
    }

    private async Task<(string Email, string Token)> InviteAsync(string name)
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var email = NewEmail(name.Split(' ')[0].ToLowerInvariant());
        var id = await PreregisterAsync(App, sales, name, email);
        return (email, await MintTokenAsync(App, id));
    }
}
