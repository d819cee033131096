using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using PartnerCenter.Web.Tests.Associations;
using PartnerCenter.Web.Tests.Invitations;

namespace PartnerCenter.Web.Tests.Security;

/// <summary>Every kind of page carries the security headers; the session cookies carry their flags.</summary>
public sealed class SecurityHeadersTests(PickupApp app) : AppTest<PickupApp>(app)
{
    [Fact]
    public async Task Every_page_type_carries_the_security_headers_and_refuses_framing()
    {
        var anonymous = NewClient();
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var intern = await SignInAsync(DemoUsers.NorthwindIntern);
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        var token = await AssociationKit.MintTokenAsync(App, await App.AddNorthwindRecordAsync());

        var pages = new (string Kind, PartnerCenterClient Client, string Url, HttpStatusCode Status)[]
        {
            ("public mailbox", anonymous, "/Mailbox", HttpStatusCode.OK),
            ("sign-in", anonymous, "/Account/SignIn", HttpStatusCode.OK),
            ("sign-in redirect", anonymous, "/CustomerDevelopment", HttpStatusCode.Redirect),
            ("partner page", sales, "/CustomerDevelopment", HttpStatusCode.OK),
            ("EM page", em, "/Ecosystem/Reviews", HttpStatusCode.OK),
            ("invitation landing", anonymous, $"/invite/{token}", HttpStatusCode.OK),
            ("unknown invitation", anonymous, "/invite/unknown-token", HttpStatusCode.NotFound),
            ("static file", anonymous, "/css/site.css", HttpStatusCode.OK),
            ("404", sales, "/No/Such/Page", HttpStatusCode.NotFound),
            ("403", intern, "/CustomerDevelopment", HttpStatusCode.Forbidden),
            ("health", anonymous, "/health/ready", HttpStatusCode.OK),
        };

        foreach (var (kind, client, url, status) in pages)
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == status, $"{kind} {url}: expected {status}, got {response.StatusCode}");
            var csp = Header(response, "Content-Security-Policy");
            Assert.True(csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{kind} {url}: CSP '{csp}'");
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            AssertCommonHeaders(kind, response);
            var frameOptions = Header(response, "X-Frame-Options");
            Assert.True(frameOptions == "DENY",
                $"{kind} {url}: X-Frame-Options '{frameOptions}'. Pages with a form get SAMEORIGIN from antiforgery before the security-headers middleware can say DENY " +
                "(fix: AddAntiforgery(o => o.SuppressXFrameOptionsHeader = true) in Program.cs).");
        }
    }

    [Fact]
    public async Task The_email_frames_may_be_framed_by_the_app_only_and_are_sandboxed()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var id = await App.AddNorthwindRecordAsync();
        using (var send = await sales.SendInvitationsAsync(id))
        {
            await send.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        await App.DispatchOnceAsync();
        var message = Path.GetFileNameWithoutExtension(Directory.EnumerateFiles(App.PickupDirectory, "*.eml").First());

        foreach (var url in new[] { $"/Invitations/Preview/{id}", $"/Mailbox/Html/{message}" })
        {
            using var response = await sales.GetAsync(url);
            await response.AssertStatusAsync(HttpStatusCode.OK);
            var csp = Header(response, "Content-Security-Policy");
            Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("sandbox", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
            Assert.Equal("SAMEORIGIN", Header(response, "X-Frame-Options"));
            AssertCommonHeaders(url, response);
        }
    }

    [Fact]
    public async Task Session_and_antiforgery_cookies_are_http_only_and_same_site()
    {
        var client = NewClient();
        using var signInPage = await client.GetAsync("/Account/SignIn");
        var csrf = SetCookie(signInPage, "pc.csrf");
        Assert.Contains("httponly", csrf, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", csrf, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", csrf.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);

        using var signedIn = await client.SignInAsync(DemoUsers.NorthwindSales);
        var auth = SetCookie(signedIn, "pc.auth");
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Over_https_both_cookies_are_secure()
    {
        var cookies = new CookieContainerHandler();
        using var http = App.CreateDefaultClient(new Uri("https://localhost/"), cookies);
        using var client = new PartnerCenterClient(http, cookies.Container);

        using var signInPage = await client.GetAsync("/Account/SignIn");
        Assert.Contains("; secure", SetCookie(signInPage, "pc.csrf"), StringComparison.OrdinalIgnoreCase);
        using var signedIn = await client.SignInAsync(DemoUsers.NorthwindSales);
        Assert.Contains("; secure", SetCookie(signedIn, "pc.auth"), StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertCommonHeaders(string kind, HttpResponseMessage response)
    {
        Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", $"{kind}: no nosniff");
        Assert.True(Header(response, "Referrer-Policy") == "no-referrer", $"{kind}: Referrer-Policy '{Header(response, "Referrer-Policy")}'");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";

    private static string SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) && values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal)) is { } cookie
            ? cookie
            : throw new InvalidOperationException($"No {name} cookie set by {response.RequestMessage?.RequestUri}");
}
