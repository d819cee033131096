using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PartnerCenter.Core.ApiKeys;
using PartnerCenter.Core.Customers;

namespace PartnerCenter.Web.Tests.Api;

/// <summary>
/// The real app on real Kestrel with a fake clock, called over real HTTP with API keys. Keys are made by
/// Core's <see cref="CreateApiKey"/> (the page's own use case; the page itself has its own tests).
/// </summary>
public class ApiApp : TestApp, IAsyncLifetime
{
    public ApiApp()
    {
        Clock = NewFakeClock();
    }

    /// <summary>Api:RequestsPerMinute for this app (0: the app's default).</summary>
    public int RequestsPerMinute { get; init; }

    public static readonly string[] AllScopes = [.. ApiScopes.All];

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        if (RequestsPerMinute > 0)
        {
            settings["Api:RequestsPerMinute"] = RequestsPerMinute.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Real Kestrel must start before anything else touches the app's services.</summary>
    public Task InitializeAsync()
    {
        StartRealServer();
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public string Url => BaseUrl.Length > 0 ? BaseUrl : throw new InvalidOperationException("Use ApiApp as a fixture, or call InitializeAsync first.");

    public async Task<string> CreateKeyAsync(string partner = Northwind, string[]? scopes = null, DateTime? expiresAt = null, string admin = DemoUsers.NorthwindAdmin)
    {
        var partnerId = await this.PartnerIdAsync(partner);
        var userId = await UserIdAsync(admin);
        var created = await WithServiceAsync<CreateApiKey, Result<CreatedApiKey>>(create =>
            create.ExecuteAsync(userId, partnerId, new ApiKeyRequest("test key", scopes ?? AllScopes, expiresAt), CancellationToken.None));
        Assert.True(created.IsSuccess, created.Error?.Message);
        return created.Value!.Secret;
    }

    /// <summary>A plain HTTP client to the app, sending this key (none: no Authorization header).</summary>
    /// <summary>A browser-like client (cookies, no redirects followed) over real HTTP, signed in.</summary>
    public async Task<PartnerCenterClient> SignedInBrowserAsync(string email)
    {
        var cookies = new System.Net.CookieContainer();
#pragma warning disable CA2000 // The PartnerCenterClient owns the HttpClient, which owns the handler.
        var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        var client = new PartnerCenterClient(new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri(Url + "/") }, cookies);
#pragma warning restore CA2000
        await client.SignInOrThrowAsync(email);
        return client;
    }

    public ApiClient Client(string? key) => new(new Uri(Url + "/"), key);

    public async Task<ApiClient> NorthwindClientAsync(params string[] scopes) => Client(await CreateKeyAsync(Northwind, scopes.Length == 0 ? null : scopes));

    /// <summary>A customer associated with the partner (frozen, no budget), as association would leave it.</summary>
    public Task<int> AssociatedCustomerAsync(string name, string partner = Northwind) =>
        WithDbAsync(async db =>
        {
            var partnerId = await db.Partners.Where(p => p.Name == partner).Select(p => p.Id).SingleAsync();
            var account = new CustomerAccount
            {
                Email = Preregister.NewEmail(name.Split(' ')[0].ToLowerInvariant()),
                Name = name,
                CountryCode = "DE",
                RegisteredAt = Now.AddDays(-1),
            };
            Assert.True(account.AssociateWith(partnerId, Now, frozen: true).IsSuccess);
            db.CustomerAccounts.Add(account);
            await db.SaveChangesAsync();
            return account.Id;
        });
}

/// <summary>A plain HttpClient over real HTTP; JSON in, the raw response out.</summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient http;

    public ApiClient(Uri baseAddress, string? key)
    {
        http = new HttpClient { BaseAddress = baseAddress };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
    }

    public Task<HttpResponseMessage> GetAsync(string url, string? ifNoneMatch = null) =>
        SendAsync(HttpMethod.Get, url, null, ifNoneMatch is null ? [] : [("If-None-Match", ifNoneMatch)]);

    public Task<HttpResponseMessage> DeleteAsync(string url) => SendAsync(HttpMethod.Delete, url, null, []);

    public Task<HttpResponseMessage> PostAsync(string url, object body, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, url, body, idempotencyKey is null ? [] : [("Idempotency-Key", idempotencyKey)]);

    public Task<HttpResponseMessage> PutAsync(string url, object body, string? ifMatch = null) =>
        SendAsync(HttpMethod.Put, url, body, ifMatch is null ? [] : [("If-Match", ifMatch)]);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object? body, (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (body is not null)
        {
            request.Content = body as HttpContent ?? Api.Json(body);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await http.SendAsync(request);
    }

    public void Dispose() => http.Dispose();
}

public static class Api
{
    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");

    public static object NewCustomer(string who, string? email = null, string mobile = Preregister.GermanMobileNumber, bool sendInvitation = false, bool submitForReview = false) =>
        new { name = who, email = email ?? Preregister.NewEmail(who.Split(' ')[0].ToLowerInvariant()), mobile, sendInvitation, submitForReview };

    public static async Task<JsonElement> JsonOfAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.AssertStatusAsync(expected);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Asserts a problem+json answer with that status and returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal((int)expected, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("title").GetString()));
        return body;
    }

    public static async Task<Guid> CreatePreregistrationAsync(this ApiClient api, string who, string? email = null)
    {
        using var response = await api.PostAsync("api/v1/preregistrations", NewCustomer(who, email));
        var body = await response.JsonOfAsync(HttpStatusCode.Created);
        return body.GetProperty("preregistration").GetProperty("id").GetGuid();
    }

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString() ?? "";
}
