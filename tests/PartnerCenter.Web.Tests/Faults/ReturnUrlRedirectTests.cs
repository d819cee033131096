namespace PartnerCenter.Web.Tests.Faults;

/// <summary>
/// Found by the wapiti scan (scripts/security-scan.sh): a local returnUrl with a non-ASCII
/// character passes <c>Url.IsLocalUrl</c>, and <c>LocalRedirect</c> then writes it raw into the
/// Location header, which Kestrel refuses ("Invalid non-ASCII or control character in header")
/// -> 500. Needs a real Kestrel (the in-memory TestServer does not validate headers), hence a process.
/// </summary>
public sealed class ReturnUrlRedirectTests : AppProcessTest
{
    private const string Hostile = "/CustomerDevelopment\u00BF'\"(";
    private AppProcess app = null!;

    // Nothing here sends mail: the server need not listen.
    protected override bool SmtpListensAtStart => false;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        app = await StartAppAsync();
    }

    [Fact]
    public async Task A_non_ascii_return_url_redirects_instead_of_failing_with_500()
    {
        using var client = app.Client();
        await client.SignInOrThrowAsync(DemoUsers.NorthwindSales);
        var failures = new List<string>();
        foreach (var url in new[] { "/CustomerDevelopment/Delete", "/Invitations/Confirm", "/CustomerDevelopment/Reveal" })
        {
            var token = await client.GetAntiforgeryTokenAsync("/CustomerDevelopment");
            using var response = await client.PostFormWithTokenAsync(url, token, ("column", "Name"), ("returnUrl", Hostile));
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                failures.Add($"POST {url}: {(int)response.StatusCode}");
            }
        }

        using (var visitor = app.Client())
        {
            var page = await visitor.GetPageAsync("/Account/SignIn");
            using var signIn = await visitor.SubmitAsync(page, page.FormOfButton("Sign in"),
                ("Email", DemoUsers.NorthwindSales), ("Password", DemoUsers.Password), ("ReturnUrl", Hostile));
            if (signIn.StatusCode != HttpStatusCode.Redirect)
            {
                failures.Add($"POST /Account/SignIn: {(int)signIn.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n" + app.Output);
    }
}
