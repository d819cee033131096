using AngleSharp.Html.Dom;
using static PartnerCenter.Web.Tests.Invitations.InvitationSteps;

namespace PartnerCenter.Web.Tests.Invitations;

/// <summary>
/// The life of a link as the partner manages it: Link/QR shows the current link and changes nothing;
/// New link replaces it; the invitation history shows each link's state and revokes an active one;
/// the customer reads a revoked link as not valid. On a fake clock; each test has its own customers.
/// </summary>
public sealed class LinkLifecycleTests(FakeClockPickupApp app) : AppTest<FakeClockPickupApp>(app)
{
    private const string NoLongerValid = "This invitation link is no longer valid. Ask the partner who invited you to send a new invitation.";

    [Fact]
    public async Task Opening_link_qr_twice_shows_the_same_current_link_and_creates_no_invitation()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var id = Assert.Single(await App.AddPreregisteredAsync(NorthwindName, "samelink", 1));

        var none = await sales.GetPageAsync($"/Invitations/Link/{id}");
        none.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("S*** C*** has no valid invitation link. Issue a new link to send them one.", none.Document.QuerySelector("[data-testid=no-valid-link]")?.TextContent.Trim());
        Assert.Null(none.Document.QuerySelector("input#invite-url"));
        Assert.Equal(0, (await CountsAsync(id)).Invitations);

        using var issued = await sales.SubmitAsync(none, none.FormOfButton("New link"));
        await issued.AssertStatusAsync(HttpStatusCode.Redirect);
        var shown = await sales.FollowAsync(issued);
        Assert.Equal(["New link issued. Earlier links for this customer no longer work."], shown.Alerts("success"));
        var url = shown.InviteUrl();
        var before = await CountsAsync(id);
        Assert.Equal(1, before.Invitations);

        App.FakeClock.Advance(TimeSpan.FromMinutes(5));
        var first = await sales.GetPageAsync($"/Invitations/Link/{id}");
        var second = await sales.GetPageAsync($"/Invitations/Link/{id}");
        Assert.Equal(url, first.InviteUrl());
        Assert.Equal(url, second.InviteUrl());
        Assert.Equal(before, await CountsAsync(id));
        (await NewClient().GetPageAsync(PathOf(url))).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task New_link_revokes_the_previous_links_which_the_customer_then_reads_as_no_longer_valid()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var id = Assert.Single(await App.AddPreregisteredAsync(NorthwindName, "replaced", 1));
        var old = (await sales.LinkPageAsync(id)).InviteUrl();
        App.FakeClock.Advance(TimeSpan.FromMinutes(1));
        await sales.InviteAsync(id);
        var emailed = Assert.Single(InviteLinksIn(Assert.Single(await App.OutboxForAsync("replaced001@prospects.example")).TextBody));
        App.FakeClock.Advance(TimeSpan.FromMinutes(1));

        var fresh = (await sales.LinkPageAsync(id)).InviteUrl();

        Assert.NotEqual(old, fresh);
        var customer = NewClient();
        foreach (var dead in new[] { old, emailed })
        {
            var page = await customer.GetPageAsync(PathOf(dead));
            page.AssertStatus(HttpStatusCode.NotFound);
            Assert.Equal(NoLongerValid, page.Document.QuerySelector("[data-testid=invitation-problem]")?.TextContent.Trim());
        }

        (await customer.GetPageAsync(PathOf(fresh))).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(fresh, (await sales.GetPageAsync($"/Invitations/Link/{id}")).InviteUrl());
        var history = await sales.GetPageAsync($"/Invitations/History/{id}");
        Assert.Equal([("Link / QR code", "Active", true), ("Email", "Revoked", false), ("Link / QR code", "Revoked", false)], HistoryLinks(history));
        Assert.Equal(2, HistoryLines(history).Count(l => l is ("Revoked", _, "Replaced by a new link")));
    }

    [Fact]
    public async Task The_partner_revokes_an_active_link_from_the_history_and_the_customer_reads_it_as_no_longer_valid()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var id = Assert.Single(await App.AddPreregisteredAsync(NorthwindName, "revokeme", 1));
        var url = (await sales.LinkPageAsync(id)).InviteUrl();
        var history = await sales.GetPageAsync($"/Invitations/History/{id}");
        Assert.Equal([("Link / QR code", "Active", true)], HistoryLinks(history));
        var form = (IHtmlFormElement)history.Document.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Revoke").Closest("form")!;
        Assert.Equal("Revoke this link? The customer can no longer use it.", form.GetAttribute("data-confirm"));

        using var revoked = await sales.SubmitAsync(history, form);
        await revoked.AssertStatusAsync(HttpStatusCode.Redirect);
        var after = await sales.FollowAsync(revoked);

        Assert.Equal("Invitation history", after.Heading);
        Assert.Equal(["Link revoked. The customer can no longer use it."], after.Alerts("success"));
        Assert.Equal([("Link / QR code", "Revoked", false)], HistoryLinks(after));
        Assert.Equal(("Revoked", "Link / QR code", "Revoked by the partner"), HistoryLines(after)[0]);
        var page = await NewClient().GetPageAsync(PathOf(url));
        page.AssertStatus(HttpStatusCode.NotFound);
        Assert.Equal(NoLongerValid, page.Document.QuerySelector("[data-testid=invitation-problem]")?.TextContent.Trim());
        Assert.NotNull((await sales.GetPageAsync($"/Invitations/Link/{id}")).Document.QuerySelector("[data-testid=no-valid-link]"));
        var invitationId = await App.WithDbAsync(db => db.Invitations.Where(i => i.PreregistrationId == id).Select(i => i.Id).SingleAsync());
        var audit = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "InvitationRevoked" && a.EntityId == invitationId.ToString()).ToListAsync());
        Assert.Equal(await App.UserIdAsync(DemoUsers.NorthwindSales), Assert.Single(audit).ActorUserId);

        // Revoking again is refused with a message; another partner cannot even see the link.
        using var again = await sales.PostFormAsync($"/Invitations/Revoke/{invitationId}", ("preregistrationId", id.ToString()));
        await again.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal(["This link is no longer active, so there is nothing to revoke."], (await sales.FollowAsync(again)).Alerts("danger"));
        var contoso = await SignInAsync(DemoUsers.ContosoAdmin);
        using var foreign = await contoso.PostFormAsync($"/Invitations/Revoke/{invitationId}", ("preregistrationId", id.ToString()));
        await foreign.AssertStatusAsync(HttpStatusCode.NotFound);
        using var foreignLink = await contoso.GetAsync($"/Invitations/Link/{id}");
        Assert.Equal(HttpStatusCode.NotFound, foreignLink.StatusCode);
    }

    [Fact]
    public async Task The_history_shows_expired_and_used_links_with_their_state_and_no_revoke()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var id = Assert.Single(await App.AddPreregisteredAsync(NorthwindName, "states", 1));
        await sales.LinkPageAsync(id);
        App.FakeClock.Advance(TimeSpan.FromDays(7));
        sales = await SignInAsync(DemoUsers.NorthwindSales); // the sign-in lapsed too

        // The lapsed link is not shown as current, and New link leaves it Expired.
        Assert.NotNull((await sales.GetPageAsync($"/Invitations/Link/{id}")).Document.QuerySelector("[data-testid=no-valid-link]"));
        await sales.LinkPageAsync(id);
        Assert.Equal([("Link / QR code", "Active", true), ("Link / QR code", "Expired", false)], HistoryLinks(await sales.GetPageAsync($"/Invitations/History/{id}")));

        await App.WithDbAsync(async db =>
        {
            var live = await db.Invitations.Where(i => i.PreregistrationId == id).OrderByDescending(i => i.CreatedAt).FirstAsync();
            Assert.True(live.MarkUsed(App.FakeClock.UtcNow()).IsSuccess);
            return await db.SaveChangesAsync();
        });
        Assert.Equal([("Link / QR code", "Used", false), ("Link / QR code", "Expired", false)], HistoryLinks(await sales.GetPageAsync($"/Invitations/History/{id}")));
    }

    private Task<(int Invitations, int Events, int Audits)> CountsAsync(Guid id) =>
        App.WithDbAsync(async db => (
            await db.Invitations.CountAsync(i => i.PreregistrationId == id),
            await db.InvitationEvents.CountAsync(e => e.PreregistrationId == id),
            await db.AuditEntries.CountAsync()));
}
