using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Web.Tests.Invitations;
using static PartnerCenter.Web.Tests.Profile.ProfileKit;

namespace PartnerCenter.Web.Tests.Localization;

/// <summary>
/// Which language a page speaks: the signed-in user's saved language, else the header's switch (the culture
/// cookie), else the browser's Accept-Language, else English; the switch itself; the profile's Language.
/// </summary>
public sealed class LanguageChoiceTests(PickupApp app) : AppTest<PickupApp>(app)
{
    private const string CultureCookie = ".AspNetCore.Culture";

    [Fact]
    public async Task English_by_default_then_Accept_Language_then_the_cookie_then_the_users_saved_language()
    {
        var visitor = NewClient();
        var english = await visitor.GetPageAsync("/Account/SignIn");
        Assert.Equal("en", Lang(english));
        Assert.Equal("Sign in to Partner Center", english.Heading);

        visitor.ReadingChinese();
        var chinese = await visitor.GetPageAsync("/Account/SignIn");
        Assert.Equal("zh-CN", Lang(chinese));
        Assert.Equal("登录合作伙伴中心", chinese.Heading);

        // The cookie (the switch's choice) beats the browser's languages.
        SetCultureCookie(visitor, "en");
        Assert.Equal("Sign in to Partner Center", (await visitor.GetPageAsync("/Account/SignIn")).Heading);

        // The signed-in user's saved language beats the cookie.
        var email = $"lang.{Guid.NewGuid():N}@contoso.example";
        await CreateUserAsync(App, email, Roles.EcosystemManager);
        await App.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.Language = Languages.SimplifiedChinese;
            return await db.SaveChangesAsync();
        });
        var manager = await SignInAsync(email);
        SetCultureCookie(manager, "en");
        var home = await manager.GetPageAsync("/");
        Assert.Equal("zh-CN", Lang(home));
        Assert.Contains("欢迎", home.Heading, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_switch_sets_the_culture_cookie_and_returns_to_the_same_local_page_only()
    {
        var visitor = NewClient();
        var token = await visitor.GetAntiforgeryTokenAsync();

        using var switched = await visitor.PostFormWithTokenAsync("/Language/Set", token, ("culture", "zh-CN"), ("returnUrl", "/Account/SignIn?returnUrl=%2FProfile"));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Account/SignIn?returnUrl=%2FProfile", switched.Headers.Location?.OriginalString);
        Assert.Equal("c=zh-CN|uic=zh-CN", Uri.UnescapeDataString(CookieValue(visitor)!));
        var page = await visitor.FollowAsync(switched);
        Assert.Equal("zh-CN", Lang(page));
        Assert.Equal("English", page.Document.QuerySelector("[data-testid='language-switch']")?.TextContent.Trim());

        // Only local addresses: anything else goes Home.
        using var away = await visitor.PostFormWithTokenAsync("/Language/Set", token, ("culture", "en"), ("returnUrl", "https://evil.example/"));
        Assert.Equal(HttpStatusCode.Redirect, away.StatusCode);
        Assert.Equal("/", away.Headers.Location?.OriginalString);
        Assert.Equal("c=en|uic=en", Uri.UnescapeDataString(CookieValue(visitor)!));

        // A language the portal does not speak changes nothing.
        using var unknown = await visitor.PostFormWithTokenAsync("/Language/Set", token, ("culture", "fr"), ("returnUrl", "/Account/SignIn"));
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.Equal("c=en|uic=en", Uri.UnescapeDataString(CookieValue(visitor)!));
    }

    [Fact]
    public async Task A_signed_in_user_who_switches_keeps_the_language_as_their_own_without_the_cookie()
    {
        var email = $"switch.{Guid.NewGuid():N}@contoso.example";
        await CreateUserAsync(App, email, Roles.EcosystemManager);
        var manager = await SignInAsync(email);
        var token = await manager.GetAntiforgeryTokenAsync("/Profile");

        using var switched = await manager.PostFormWithTokenAsync("/Language/Set", token, ("culture", "zh-CN"), ("returnUrl", "/Profile"));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("zh-CN", await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Language).SingleAsync()));

        // Without the culture cookie (another browser of the same session), the refreshed sign-in carries it.
        foreach (var cookie in manager.Cookies.GetCookies(manager.Http.BaseAddress!).Where(c => c.Name == CultureCookie))
        {
            cookie.Expired = true;
        }

        var profile = await manager.GetPageAsync("/Profile");
        Assert.Equal("zh-CN", Lang(profile));
        Assert.Equal("个人资料", profile.Heading);
        Assert.Equal("zh-CN", profile.Document.QuerySelector("select[name='Language'] option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task The_profile_saves_the_language_and_refuses_one_the_portal_does_not_speak()
    {
        var email = $"profile.{Guid.NewGuid():N}@contoso.example";
        await CreateUserAsync(App, email, Roles.EcosystemManager);
        var manager = await SignInAsync(email);

        var refused = await SaveLanguageAsync(manager, "fr");
        Assert.Equal("Choose a language from the list.", refused.FieldError("Language"));
        Assert.Null(await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Language).SingleAsync()));

        var saved = await SaveLanguageAsync(manager, "zh-CN");
        Assert.Contains("个人资料已保存。", saved.Alerts("success"));
        Assert.Equal("zh-CN", Lang(saved));
        Assert.Equal("zh-CN", await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Language).SingleAsync()));

        // Back to none chosen: the browser decides again (no Accept-Language: English).
        foreach (var cookie in manager.Cookies.GetCookies(manager.Http.BaseAddress!).Where(c => c.Name == CultureCookie))
        {
            cookie.Expired = true;
        }

        var cleared = await SaveLanguageAsync(manager, "");
        Assert.Equal("en", Lang(cleared));
        Assert.Null(await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Language).SingleAsync()));
    }

    [Fact]
    public async Task Validation_messages_are_in_Chinese_FluentValidations_own_and_ours()
    {
        var visitor = NewClient();
        visitor.ReadingChinese();
        var form = await visitor.GetPageAsync("/Account/SignIn");

        using var empty = await visitor.SubmitAsync(form, form.FormOfButton("登录"), ("Email", ""), ("Password", ""));
        var page = await HtmlPage.ReadAsync(empty);
        Assert.Equal("请输入您的邮箱地址。", page.FieldError("Email"));
        Assert.Equal("请输入您的密码。", page.FieldError("Password"));

        // FluentValidation's default message (MaximumLength), in its Chinese, naming the field by its translated label.
        using var tooLong = await visitor.SubmitAsync(form, form.FormOfButton("登录"), ("Email", new string('a', 250) + "@x.example"), ("Password", "x"));
        var longPage = await HtmlPage.ReadAsync(tooLong);
        var message = longPage.FieldError("Email");
        Assert.NotNull(message);
        Assert.Contains("邮箱地址", message, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]{3,}", message!.Replace("Email", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Identity_messages_follow_the_readers_language()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var describer = scope.ServiceProvider.GetRequiredService<IdentityErrorDescriber>();
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            Assert.Equal("密码至少需要 8 个字符。", describer.PasswordTooShort(8).Description);
            Assert.Equal("邮箱“a@b.example”已被使用。", describer.DuplicateEmail("a@b.example").Description);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal(new IdentityErrorDescriber().PasswordTooShort(8).Description, describer.PasswordTooShort(8).Description);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    private static async Task<HtmlPage> SaveLanguageAsync(PartnerCenterClient client, string language)
    {
        var page = await client.GetPageAsync("/Profile");
        using var response = await client.SubmitAsync(page, page.FormOfButton(page.Document.QuerySelector("main form button[type=submit]")!.TextContent.Trim()), ("Language", language));
        return response.StatusCode == HttpStatusCode.Redirect ? await client.FollowAsync(response) : await HtmlPage.ReadAsync(response);
    }

    private static string? Lang(HtmlPage page) => page.Document.DocumentElement.GetAttribute("lang");

    private static void SetCultureCookie(PartnerCenterClient client, string culture) =>
        client.Cookies.Add(client.Http.BaseAddress!, new Cookie(CultureCookie, Uri.EscapeDataString($"c={culture}|uic={culture}")));

    private static string? CookieValue(PartnerCenterClient client) =>
        client.Cookies.GetCookies(client.Http.BaseAddress!).FirstOrDefault(c => c.Name == CultureCookie && !c.Expired)?.Value;
}
