using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PartnerCenter.Core.Customers;

namespace PartnerCenter.Web.Tests.Usage;

/// <summary>A usage post's answer: status, content type and the parsed body.</summary>
public sealed record UsageAnswer(HttpStatusCode Status, string? ContentType, JsonElement Body)
{
    public IReadOnlyList<JsonElement> Refused => Body.GetProperty("refused").EnumerateArray().ToList();

    public IReadOnlyList<JsonElement> Accepted => Body.GetProperty("accepted").EnumerateArray().ToList();

    public string? Code => Body.TryGetProperty("code", out var code) ? code.GetString() : null;

    public override string ToString() => $"{(int)Status} {ContentType}: {Body}";
}

/// <summary>The platform's side of <c>POST /platform/usage</c>, and Northwind customers with a budget to spend against.</summary>
public static class UsageKit
{
    public static object Record(string id, string email, decimal amount, DateTime occurredAt, string currency = "USD") => new
    {
        id,
        customerEmail = email,
        amount,
        currency,
        occurredAt = occurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };

    public static Task<UsageAnswer> PostAsync(HttpClient client, object body, string? key = TestApp.PlatformApiKey) =>
        PostRawAsync(client, JsonSerializer.Serialize(body), key);

    public static async Task<UsageAnswer> PostRawAsync(HttpClient client, string body, string? key = TestApp.PlatformApiKey, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/platform/usage")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        else if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new UsageAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, json);
    }

    /// <summary>A Northwind customer (associated, <paramref name="frozen"/>), with the budget set an hour ago when given.</summary>
    public static Task<(int Id, string Email)> CustomerAsync(TestApp app, string name, BudgetType type = BudgetType.None, decimal amount = 0,
        FreezeOnExhaustion onExhaustion = FreezeOnExhaustion.Manually, bool frozen = false) =>
        app.WithDbAsync(async db =>
        {
            var northwind = await db.Partners.Where(p => p.Name == Northwind).Select(p => p.Id).SingleAsync();
            var now = app.Now;
            var account = new CustomerAccount
            {
                Email = Preregister.NewEmail(name.Split(' ')[0].ToLowerInvariant()),
                Name = name,
                CountryCode = "DE",
                RegisteredAt = now.AddDays(-30),
            };
            Assert.True(account.AssociateWith(northwind, now.AddDays(-20), frozen).IsSuccess);
            if (type != BudgetType.None)
            {
                Assert.True(account.SetBudget(new BudgetSetting(type, amount, onExhaustion, UnfreezeNow: false), now.AddHours(-1)).IsSuccess);
            }

            db.CustomerAccounts.Add(account);
            await db.SaveChangesAsync();
            return (account.Id, account.Email);
        });

    public static Task<CustomerAccount> AccountAsync(TestApp app, int id) =>
        app.WithDbAsync(db => db.CustomerAccounts.AsNoTracking().SingleAsync(a => a.Id == id));

    /// <summary>The outbox rows of budget alerts about <paramref name="customerName"/>: (to, subject).</summary>
    public static Task<List<(string To, string Subject)>> AlertEmailsAsync(TestApp app, string customerName) =>
        app.WithDbAsync(async db => (await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Subject.EndsWith(": " + customerName))
                .Select(m => new { m.To, m.Subject }).ToListAsync())
            .Select(m => (m.To, m.Subject)).OrderBy(m => m.Subject, StringComparer.Ordinal).ThenBy(m => m.To, StringComparer.Ordinal).ToList());

    /// <summary>Everyone at Northwind a budget alert goes to: the reserved email, the admin and the user with Customer Development (not the intern).</summary>
    public static readonly string[] NorthwindRecipients = [NorthwindReservedEmail, DemoUsers.NorthwindAdmin, DemoUsers.NorthwindSales];
}
