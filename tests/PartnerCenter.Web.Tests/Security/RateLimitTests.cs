using PartnerCenter.Web.Tests.Associations;

namespace PartnerCenter.Web.Tests.Security;

/// <summary>The framework's rate limiter on sign-in, registration and the landing page, with small limits.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task The_fourth_sign_in_within_a_minute_answers_429_with_retry_after()
    {
        await using var app = new LimitedFactory();
        using var client = app.CreatePartnerCenterClient();
        var token = await client.GetAntiforgeryTokenAsync();

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.PostFormWithTokenAsync("/Account/SignIn", token, ("Email", "nobody@nowhere.example"), ("Password", "wrong"));
            await allowed.AssertStatusAsync(HttpStatusCode.OK);
        }

        using var limited = await client.PostFormWithTokenAsync("/Account/SignIn", token, ("Email", DemoUsers.NorthwindAdmin), ("Password", DemoUsers.Password));
        AssertLimited(limited);
        Assert.False(client.HasAuthCookie);

        // The page itself (GET) is not limited.
        Assert.Equal(HttpStatusCode.OK, await client.StatusOfAsync("/Account/SignIn"));
    }

    [Fact]
    public async Task Registration_and_the_landing_page_are_limited_too()
    {
        await using var app = new LimitedFactory();
        var token = await AssociationKit.MintTokenAsync(app, await app.AddNorthwindRecordAsync());
        using var client = app.CreatePartnerCenterClient();
        var form = await client.GetAntiforgeryTokenAsync();

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.PostFormWithTokenAsync($"/invite/{token}/register", form, ("FullName", ""), ("Password", ""), ("ConfirmPassword", ""));
            await allowed.AssertStatusAsync(HttpStatusCode.OK);
        }

        using (var limited = await client.PostFormWithTokenAsync($"/invite/{token}/register", form, ("FullName", ""), ("Password", ""), ("ConfirmPassword", "")))
        {
            AssertLimited(limited);
        }

        // The landing limit (3) counts the landing GETs: three pass, the fourth is refused.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await client.StatusOfAsync($"/invite/{token}"));
        }

        using var landing = await client.GetAsync($"/invite/{token}");
        AssertLimited(landing);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_for_the_right_password()
    {
        await using var app = new TestApp();
        using var client = app.CreatePartnerCenterClient();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await client.SignInAsync(DemoUsers.FabrikamAdmin, "Wrong123!");
            await failed.AssertStatusAsync(HttpStatusCode.OK);
        }

        using var right = await client.SignInAsync(DemoUsers.FabrikamAdmin);
        var page = await HtmlPage.ReadAsync(right);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.False(client.HasAuthCookie);
        Assert.Contains("locked", page.MainText, StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertLimited(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter is not null, "429 without Retry-After");
        var seconds = response.Headers.RetryAfter!.Delta?.TotalSeconds ?? 0;
        Assert.InRange(seconds, 1, 60);
    }

    private sealed class LimitedFactory : TestApp
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            settings["RateLimiting:Enabled"] = "true";
            settings["RateLimiting:SignInPerMinute"] = "3";
            settings["RateLimiting:RegisterPerMinute"] = "3";
            settings["RateLimiting:InvitationLandingPerMinute"] = "3";
        }
    }
}
