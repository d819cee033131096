using AngleSharp.Html.Dom;
using static PartnerCenter.Web.Tests.Associations.AssociationKit;
using static PartnerCenter.Web.Tests.Invitations.InvitationSteps;

namespace PartnerCenter.Web.Tests.Lifecycle;

/// <summary>Issue 17, "The customer and the partner can say no": Decline on the landing page, Cancel (a revoke of an email invitation) in the invitation history.</summary>
public sealed class DeclineAndCancelTests(Invitations.FakeClockPickupApp app) : AppTest<Invitations.FakeClockPickupApp>(app)
{
    private const string Used = "This invitation link has already been used. Ask the partner who invited you to send a new invitation.";
    private const string NoLongerValid = "This invitation link is no longer valid. Ask the partner who invited you to send a new invitation.";

    [Fact]
    public async Task The_customer_declines_with_a_reason_the_link_is_used_up_the_partner_sees_it_and_is_emailed_and_the_claim_stays()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var email = NewEmail("dora");
        var id = await PreregisterAsync(App, sales, "Dora Declining", email);
        var token = await CreateLinkAsync(sales, id);
        var customer = NewClient();
        var landing = await customer.GetPageAsync($"/invite/{token}");
        landing.AssertStatus(HttpStatusCode.OK);
        App.FakeClock.Advance(TimeSpan.FromHours(2));

        using var response = await customer.SubmitAsync(landing, landing.FormOfButton("Decline"), ("Reason", "  We already have a reseller.  "));

        var declined = (await HtmlPage.ReadAsync(response)).AssertStatus(HttpStatusCode.OK);
        Assert.Contains("You declined the invitation from Northwind Cloud.", declined.MainText, StringComparison.Ordinal);

        // The link is used up: landing and association both say so.
        var again = await NewClient().GetPageAsync($"/invite/{token}");
        again.AssertStatus(HttpStatusCode.NotFound);
        Assert.Equal(Used, again.Problem());

        // The partner's history shows Declined with the reason.
        var history = await sales.GetPageAsync($"/Invitations/History/{id}");
        var line = HistoryLines(history)[0];
        Assert.Equal(("Declined", "Link / QR code", "We already have a reseller."), line);

        // The claim stays Preregistered, and it is audited.
        var now = App.FakeClock.GetUtcNow().UtcDateTime;
        var record = await App.WithDbAsync(db => db.Preregistrations.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(PreregistrationStatus.Preregistered, record.StatusAt(now));
        var invitation = await App.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.PreregistrationId == id));
        Assert.Equal((InvitationStatus.Declined, now, "We already have a reseller."), (invitation.Status, invitation.DeclinedAt!.Value, invitation.DeclineReason));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "InvitationDeclined" && a.EntityId == invitation.Id.ToString())));

        // The partner is emailed through the outbox: the user who invited and the reserved address.
        var mails = (await App.OutboxAsync()).Where(m => m.Subject == "Dora Declining declined your invitation").ToList();
        Assert.Equal([NorthwindReservedEmail, DemoUsers.NorthwindSales], mails.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.Contains("Reason: We already have a reseller.", m.TextBody, StringComparison.Ordinal));

        // The partner may try again by another means: a new link works.
        var fresh = await CreateLinkAsync(sales, id);
        (await NewClient().GetPageAsync($"/invite/{fresh}")).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Declining_without_a_reason_is_fine_and_a_reason_over_500_characters_is_refused_by_the_field()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var id = await PreregisterAsync(App, sales, "Nils Noreason", NewEmail("nils"));
        var token = await CreateLinkAsync(sales, id);
        var customer = NewClient();
        var landing = await customer.GetPageAsync($"/invite/{token}");

        using var tooLong = await customer.SubmitAsync(landing, landing.FormOfButton("Decline"), ("Reason", new string('x', 501)));
        var page = (await HtmlPage.ReadAsync(tooLong)).AssertStatus(HttpStatusCode.OK);
        Assert.Contains("The reason can have at most 500 characters.", page.MainText, StringComparison.Ordinal);
        Assert.Equal(new string('x', 501), page.Document.QuerySelector("textarea#Reason")!.TextContent);
        Assert.Equal(InvitationStatus.Active, await App.WithDbAsync(db => db.Invitations.Where(i => i.PreregistrationId == id).Select(i => i.Status).SingleAsync()));

        using var plain = await customer.SubmitAsync(landing, landing.FormOfButton("Decline"), ("Reason", ""));
        (await HtmlPage.ReadAsync(plain)).AssertStatus(HttpStatusCode.OK);
        var history = await sales.GetPageAsync($"/Invitations/History/{id}");
        Assert.Equal(("Declined", "Link / QR code", "No reason given"), HistoryLines(history)[0]);
    }

    [Fact]
    public async Task The_partner_cancels_a_queued_email_invitation_the_link_stops_at_once_and_the_email_is_never_sent()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var email = NewEmail("carl");
        var id = await PreregisterAsync(App, sales, "Carl Cancelled", email);
        await sales.InviteAsync(id);
        var queued = Assert.Single(await App.OutboxForAsync(email));
        var token = InviteLinksIn(queued.TextBody).Single().Split("/invite/")[1];
        (await NewClient().GetPageAsync($"/invite/{token}")).AssertStatus(HttpStatusCode.OK);

        var history = await sales.GetPageAsync($"/Invitations/History/{id}");
        var button = history.Document.QuerySelectorAll("tr[data-link] button").Single();
        Assert.Equal("Cancel", button.TextContent.Trim());
        Assert.StartsWith("Cancel the invitation sent ", button.GetAttribute("aria-label"), StringComparison.Ordinal);
        using var response = await sales.SubmitAsync(history, (IHtmlFormElement)button.Closest("form")!);
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        var after = await sales.FollowAsync(response);

        Assert.Equal(["The invitation was cancelled. Its link no longer works."], after.Alerts("success"));
        Assert.Equal(("Revoked", "Email", RevokeInvitation.CancelReason), HistoryLines(after)[0]);
        Assert.Equal([("Email", "Revoked", false)], HistoryLinks(after));
        var landing = await NewClient().GetPageAsync($"/invite/{token}");
        landing.AssertStatus(HttpStatusCode.NotFound);
        Assert.Equal(NoLongerValid, landing.Problem());
        var message = Assert.Single(await App.OutboxForAsync(email));
        Assert.Equal((OutboxStatus.Failed, "Cancelled: Cancelled by the partner."), (message.Status, message.LastError));
        await App.DispatchOnceAsync();
        Assert.Equal((OutboxStatus.Failed, null), (await App.OutboxForAsync(email)).Select(m => (m.Status, m.SentAt)).Single());
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "InvitationRevoked")));
        Assert.Equal(PreregistrationStatus.Preregistered, await App.WithDbAsync(db => db.Preregistrations.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));

        // Cancelling again (a second tab) is refused with a message, not a 500.
        using var twice = await sales.SubmitAsync(history, (IHtmlFormElement)button.Closest("form")!);
        await twice.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("This link is no longer active, so there is nothing to revoke.", (await sales.FollowAsync(twice)).MainText, StringComparison.Ordinal);
    }
}
