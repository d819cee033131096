using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using PartnerCenter.Infrastructure.Data;
using static PartnerCenter.Web.Tests.Invitations.InvitationSteps;

namespace PartnerCenter.Web.Tests.Invitations;

/// <summary>
/// Invitation links as the customer meets them: tampered, expired, used, revoked; and what the
/// database keeps of a token. On a fake clock; each test adds its own customers "now", so the
/// time travel of one test does not age another's records.
/// </summary>
public sealed class InvitationTokenTests(FakeClockPickupApp app) : AppTest<FakeClockPickupApp>(app)
{
    private const string DoesNotExist = "This invitation link does not exist. Ask the partner who invited you to send a new invitation.";
    private const string NoLongerValid = "This invitation link is no longer valid. Ask the partner who invited you to send a new invitation.";
    private const string HasExpired = "This invitation link has expired. Ask the partner who invited you to send a new invitation.";
    private const string WasUsed = "This invitation link has already been used. Ask the partner who invited you to send a new invitation.";

    [Fact]
    public async Task A_valid_link_opens_the_landing_page_and_a_tampered_or_unknown_one_does_not_exist()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var (_, url) = await NewLinkAsync(sales, "tamper");
        var token = TokenOf(url);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.Equal(32, Base64Url.DecodeFromChars(token).Length);
        var customer = NewClient();

        var valid = await customer.GetPageAsync(PathOf(url));
        valid.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Northwind Cloud invites you to become their customer", valid.Heading);

        var changedFirst = (token[0] == 'A' ? "B" : "A") + token[1..];
        var changedLast = token[..^1] + (token[^1] == 'A' ? "Q" : "A");
        foreach (var presented in new[] { changedFirst, changedLast, token[..^1], token + "A", Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)), new string('x', 200) })
        {
            await AssertProblemAsync(customer, presented, DoesNotExist);
        }
    }

    [Fact]
    public async Task A_link_is_valid_for_7_days_and_then_says_it_has_expired()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var now = App.FakeClock.UtcNow();
        var (id, url) = await NewLinkAsync(sales, "week");
        var invitation = await InvitationOfAsync(id);
        Assert.Equal(now + TimeSpan.FromDays(7), invitation.ExpiresAt);
        var customer = NewClient();

        App.FakeClock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        (await customer.GetPageAsync(PathOf(url))).AssertStatus(HttpStatusCode.OK);
        App.FakeClock.Advance(TimeSpan.FromSeconds(1));

        await AssertProblemAsync(customer, TokenOf(url), HasExpired);
    }

    [Fact]
    public async Task A_link_never_outlives_the_preregistration_in_the_link_page_the_email_and_the_landing_page()
    {
        // Preregistered 12 days ago: the claim ends in 3 days, before the link's 7.
        var id = Assert.Single(await App.AddPreregisteredAsync(NorthwindName, "capped", 1, age: TimeSpan.FromDays(12)));
        var claimEnds = await App.WithDbAsync(db => db.Preregistrations.Where(p => p.Id == id).Select(p => p.ExpiresAt!.Value).SingleAsync());
        Assert.Equal(App.FakeClock.UtcNow() + TimeSpan.FromDays(3), claimEnds);
        var sales = await SignInAsync(DemoUsers.NorthwindSales);

        var linkPage = await sales.LinkPageAsync(id);
        await sales.InviteAsync(id);

        var until = Shown.ToNorthwind(claimEnds);
        Assert.Contains($"It is valid until {until} and can be used once.", linkPage.MainText, StringComparison.Ordinal);
        var email = Assert.Single(await App.OutboxForAsync("capped001@prospects.example"));
        Assert.Contains($"This link is valid until {until}", email.TextBody, StringComparison.Ordinal);
        var invitations = await App.WithDbAsync(db => db.Invitations.AsNoTracking().Where(i => i.PreregistrationId == id).ToListAsync());
        Assert.Equal(2, invitations.Count);
        Assert.All(invitations, i => Assert.Equal(claimEnds, i.ExpiresAt));

        var customer = NewClient();
        App.FakeClock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromSeconds(1));
        (await customer.GetPageAsync(PathOf(linkPage.InviteUrl()))).AssertStatus(HttpStatusCode.OK);
        App.FakeClock.Advance(TimeSpan.FromSeconds(1));
        await AssertProblemAsync(customer, TokenOf(linkPage.InviteUrl()), HasExpired);
        await AssertProblemAsync(customer, TokenOf(Assert.Single(InviteLinksIn(email.TextBody))), HasExpired);
    }

    [Fact]
    public async Task A_used_link_says_it_has_been_used()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var (id, url) = await NewLinkAsync(sales, "used");
        await App.WithDbAsync(async db =>
        {
            var invitation = await db.Invitations.SingleAsync(i => i.PreregistrationId == id);
            Assert.True(invitation.MarkUsed(App.FakeClock.UtcNow()).IsSuccess);
            return await db.SaveChangesAsync();
        });
        var customer = NewClient();

        await AssertProblemAsync(customer, TokenOf(url), WasUsed);
    }

    [Fact]
    public async Task Deleting_the_preregistration_revokes_its_links_and_emails_which_then_read_as_no_longer_valid()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var (id, url) = await NewLinkAsync(sales, "revoked");
        await sales.InviteAsync(id);
        var emailed = Assert.Single(InviteLinksIn(Assert.Single(await App.OutboxForAsync("revoked001@prospects.example")).TextBody));

        using var deleted = await sales.PostFormAsync("/CustomerDevelopment/Delete", ("ids", id.ToString()), ("returnUrl", "/CustomerDevelopment"));
        await deleted.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal(["R*** C*** was deleted."], (await sales.FollowAsync(deleted)).Alerts("success"));

        var invitations = await App.WithDbAsync(db => db.Invitations.AsNoTracking().Where(i => i.PreregistrationId == id).ToListAsync());
        Assert.Equal(2, invitations.Count);
        Assert.All(invitations, i => Assert.Equal((InvitationStatus.Revoked, App.FakeClock.UtcNow()), (i.Status, i.RevokedAt!.Value)));
        var revocations = await App.WithDbAsync(db => db.InvitationEvents.Where(e => e.PreregistrationId == id && e.Kind == InvitationEventKind.Revoked).Select(e => e.Detail).ToListAsync());
        Assert.Equal(["Preregistration deleted", "Preregistration deleted"], revocations);
        var customer = NewClient();
        await AssertProblemAsync(customer, TokenOf(url), NoLongerValid);
        await AssertProblemAsync(customer, TokenOf(emailed), NoLongerValid);
    }

    [Fact]
    public async Task The_database_keeps_the_tokens_sha256_and_its_data_protected_form_never_the_token_and_new_link_replaces_the_link()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var (id, url) = await NewLinkAsync(sales, "hashed");
        var again = (await sales.LinkPageAsync(id)).InviteUrl();
        var customer = NewClient();
        (await customer.GetPageAsync(PathOf(again))).AssertStatus(HttpStatusCode.OK);
        await AssertProblemAsync(customer, TokenOf(url), NoLongerValid);
        var token = TokenOf(again);

        Assert.NotEqual(url, again);
        var stored = await App.WithDbAsync(db => db.Invitations.Where(i => i.PreregistrationId == id).OrderBy(i => i.CreatedAt)
            .Select(i => new { i.TokenHash, i.ProtectedToken }).ToListAsync());
        Assert.Equal([SHA256.HashData(Encoding.UTF8.GetBytes(TokenOf(url))), SHA256.HashData(Encoding.UTF8.GetBytes(token))], stored.Select(s => s.TokenHash));

        // The token is kept only protected (encrypted and authenticated by the app's Data Protection
        // keys) so Link/QR can show it again: it must not be anywhere in the database as text or as its 32 raw bytes.
        var protector = App.Services.GetRequiredService<ITokenProtector>();
        Assert.Equal([TokenOf(url), token], stored.Select(s => protector.Unprotect(s.ProtectedToken!)));
        Assert.All(stored, s => Assert.DoesNotContain(token, s.ProtectedToken!, StringComparison.Ordinal));
        var found = await App.WithDbAsync(db => FindAnywhereAsync(db, token));
        Assert.Empty(found);
    }

    /// <summary>A new Preregistered Northwind customer and a link for it (Link / QR code), as sales@ gets it.</summary>
    private async Task<(Guid Id, string Url)> NewLinkAsync(PartnerCenterClient sales, string prefix)
    {
        var id = Assert.Single(await App.AddPreregisteredAsync(NorthwindName, prefix, 1));
        var url = (await sales.LinkPageAsync(id)).InviteUrl();
        Assert.StartsWith($"{TestApp.PublicBaseUrl}/invite/", url, StringComparison.Ordinal);
        return (id, url);
    }

    private Task<Invitation> InvitationOfAsync(Guid preregistrationId) =>
        App.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.PreregistrationId == preregistrationId));

    private static string TokenOf(string url) => url[(url.LastIndexOf('/') + 1)..];

    private static async Task AssertProblemAsync(PartnerCenterClient customer, string token, string message)
    {
        var page = await customer.GetPageAsync($"/invite/{Uri.EscapeDataString(token)}");
        page.AssertStatus(HttpStatusCode.NotFound);
        Assert.Equal("This invitation cannot be used", page.Document.QuerySelector("main h1")?.TextContent.Trim());
        Assert.Equal(message, page.Document.QuerySelector("[data-testid=invitation-problem]")?.TextContent.Trim());
    }

    /// <summary>Every table.column whose value holds the token as text or its decoded bytes.</summary>
    private static async Task<List<string>> FindAnywhereAsync(AppDbContext db, string token)
    {
        var text = Encoding.UTF8.GetBytes(token);
        var raw = Base64Url.DecodeFromChars(token);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("Invitations", tables);
        var found = new List<string>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var bytes = reader.GetValue(i) switch
                    {
                        byte[] blob => blob,
                        string s => Encoding.UTF8.GetBytes(s),
                        _ => [],
                    };
                    if (bytes.AsSpan().IndexOf(text) >= 0 || bytes.AsSpan().IndexOf(raw) >= 0)
                    {
                        found.Add($"{table}.{reader.GetName(i)}");
                    }
                }
            }
        }

        return found;
    }
}
