using System.Net;
using AngleSharp.Html.Dom;

namespace PartnerCenter.Testing;

/// <summary>
/// Talks to the app as a browser would: cookies kept, forms posted with the antiforgery token read
/// from a rendered form. Redirects are not followed unless asked, so tests can assert them.
/// </summary>
public sealed class PartnerCenterClient(HttpClient http, CookieContainer cookies) : IDisposable
{
    public const string AuthCookie = "pc.auth";
    private const string TokenField = "__RequestVerificationToken";

    public HttpClient Http => http;

    public CookieContainer Cookies => cookies;

    public bool HasAuthCookie => cookies.GetCookies(http.BaseAddress!).Any(c => c.Name == AuthCookie && !c.Expired);

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(new Uri(url, UriKind.Relative));

    public async Task<HttpStatusCode> StatusOfAsync(string url)
    {
        using var response = await GetAsync(url);
        return response.StatusCode;
    }

    /// <summary>GETs a page, following redirects as a browser does.</summary>
    public async Task<HtmlPage> GetPageAsync(string url) => await FollowAsync(await GetAsync(url));

    /// <summary>Follows any redirect chain and parses where it ends.</summary>
    public async Task<HtmlPage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; IsRedirect(response.StatusCode); hops++)
        {
            if (hops == 10)
            {
                throw new InvalidOperationException("Too many redirects.");
            }

            var next = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            response.Dispose();
            response = await http.GetAsync(next);
        }

        using (response)
        {
            return await HtmlPage.ReadAsync(response);
        }
    }

    /// <summary>Reads the antiforgery token from the first form of a page, as a browser submitting it would send.</summary>
    public async Task<string> GetAntiforgeryTokenAsync(string pageUrl = "/Account/SignIn")
    {
        var page = await GetPageAsync(pageUrl);
        return page.AntiforgeryToken ?? throw new InvalidOperationException($"No antiforgery token on {page}");
    }

    /// <summary>POSTs fields with a valid antiforgery token for this client's session.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, params (string Name, string? Value)[] fields) =>
        await PostFormWithTokenAsync(url, await GetAntiforgeryTokenAsync(), fields);

    public Task<HttpResponseMessage> PostFormWithTokenAsync(string url, string token, params (string Name, string? Value)[] fields) =>
        PostRawAsync(url, [.. fields, (TokenField, token)]);

    public Task<HttpResponseMessage> PostFormWithoutTokenAsync(string url, params (string Name, string? Value)[] fields) =>
        PostRawAsync(url, fields);

    /// <summary>Submits a rendered form: its own fields (hidden token included) with some values replaced.</summary>
    public Task<HttpResponseMessage> SubmitAsync(HtmlPage page, IHtmlFormElement form, params (string Name, string? Value)[] values)
    {
        var fields = new List<(string Name, string? Value)>();
        foreach (var input in form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>())
        {
            if (input.IsDisabled || input.Type is "submit" or "button" || (input.Type is "checkbox" or "radio" && !input.IsChecked))
            {
                continue;
            }

            fields.Add((input.Name!, input.Value));
        }

        foreach (var (name, value) in values)
        {
            fields.RemoveAll(f => f.Name == name);
            fields.Add((name, value));
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? page.Url : new Uri(page.Url, action);
        return PostRawAsync(target.PathAndQuery, fields);
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password = DemoUsers.Password, string? returnUrl = null)
    {
        var page = await GetPageAsync(returnUrl is null ? "/Account/SignIn" : $"/Account/SignIn?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        var form = page.FormOfButton("Sign in");
        return await SubmitAsync(page, form, ("Email", email), ("Password", password));
    }

    public async Task SignInOrThrowAsync(string email, string password = DemoUsers.Password)
    {
        using var response = await SignInAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect || !HasAuthCookie)
        {
            var page = await HtmlPage.ReadAsync(response);
            throw new InvalidOperationException($"Signing in as {email} failed: {page}");
        }
    }

    public void Dispose() => http.Dispose();

    private async Task<HttpResponseMessage> PostRawAsync(string url, IEnumerable<(string Name, string? Value)> fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value ?? "")));
        return await http.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;
}
