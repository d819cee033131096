using static PartnerCenter.Web.Tests.Associations.AssociationKit;

namespace PartnerCenter.Web.Tests.Associations;

/// <summary>A link is valid for 7 days; at the moment it lapses the landing page and Associate say so.</summary>
public sealed class ExpiredInvitationTests(FakeClockApp app) : AppTest<FakeClockApp>(app)
{
    private const string Expired = "This invitation link has expired. Ask the partner who invited you to send a new invitation.";

    [Fact]
    public async Task A_link_works_until_its_seven_days_are_over_then_says_it_has_expired_and_association_is_refused()
    {
        InvitedCustomer invited;
        using (var sales = await App.SignedInClientAsync(DemoUsers.NorthwindSales))
        {
            invited = await InvitedCustomerAsync(App, sales, "Eva Expiring");
        }

        using var _ = invited;
        var hash = Invitation.Hash(invited.Token);
        var expiresAt = await App.WithDbAsync(db => db.Invitations.Where(i => i.TokenHash == hash).Select(i => i.ExpiresAt).SingleAsync());
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime.AddDays(7), expiresAt, TimeSpan.FromMinutes(1));
        var anonymous = NewClient();

        // A minute before the end the link still opens.
        App.Clock.SetUtcNow(new DateTimeOffset(expiresAt.AddMinutes(-1), TimeSpan.Zero));
        (await anonymous.GetPageAsync($"/invite/{invited.Token}")).AssertStatus(HttpStatusCode.OK);

        // At the end it is over; the preregistration itself (15 days) is still valid.
        App.Clock.SetUtcNow(new DateTimeOffset(expiresAt, TimeSpan.Zero));
        var landing = await anonymous.GetPageAsync($"/invite/{invited.Token}");
        landing.AssertStatus(HttpStatusCode.NotFound);
        Assert.Equal(Expired, landing.Problem());
        Assert.DoesNotContain("Northwind", landing.MainText, StringComparison.Ordinal);
        var register = await anonymous.GetPageAsync($"/invite/{invited.Token}/register");
        register.AssertStatus(HttpStatusCode.NotFound);
        Assert.Equal(Expired, register.Problem());

        // The customer (signing in again: a week has passed) posts the consent form anyway.
        var before = await AssociationState.ReadAsync(App, invited.PreregistrationId, invited.Email);
        var customer = NewClient();
        await customer.SignInOrThrowAsync(invited.Email, CustomerPassword);
        using var response = await customer.PostFormAsync($"/invite/{invited.Token}/associate", ("Consent", "true"));

        await response.AssertStatusAsync(HttpStatusCode.Conflict);
        Assert.Equal(Expired, (await HtmlPage.ReadAsync(response)).Problem());
        Assert.Equal(before, await AssociationState.ReadAsync(App, invited.PreregistrationId, invited.Email));
        Assert.Equal((PreregistrationStatus.Preregistered, "Active", (int?)null), (before.Status, before.InvitationStatuses, before.AssociatedPartnerId));
        var record = await App.WithDbAsync(db => db.Preregistrations.AsNoTracking().SingleAsync(p => p.Id == invited.PreregistrationId));
        Assert.Equal(PreregistrationStatus.Preregistered, record.StatusAt(App.Clock.GetUtcNow().UtcDateTime));
        var attempt = await App.WithDbAsync(db => db.AssociationAttempts.AsNoTracking().SingleAsync(a => a.PreregistrationId == invited.PreregistrationId));
        Assert.False(attempt.Succeeded);
        Assert.Equal("link_expired", attempt.Cause);

        // The partner sees it in History Records with what to do.
        var partner = await SignInAsync(DemoUsers.NorthwindSales);
        var history = await partner.GetPageAsync("/CustomerDevelopment/History");
        var row = history.Document.QuerySelector("main tbody tr")!;
        Assert.Contains("E*** E***", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Association failed", row.QuerySelector("td .badge")!.TextContent.Trim());
        // In the partner's words: never the customer's "Ask the partner who invited you...".
        Assert.Equal("The customer opened an expired link. Send a new invitation.", row.QuerySelector("[data-testid='cause']")!.TextContent.Trim());
        Assert.DoesNotContain("Ask the partner who invited you", history.MainText, StringComparison.Ordinal);

        // The customer's invitation history speaks to the partner too.
        var invitations = await partner.GetPageAsync($"/Invitations/History/{invited.PreregistrationId}");
        invitations.AssertStatus(HttpStatusCode.OK);
        Assert.DoesNotContain("Ask the partner who invited you", invitations.MainText, StringComparison.Ordinal);
        Assert.Equal("Send the invitation again.", row.QuerySelectorAll("td")[^1].TextContent.Trim());
    }

    [Fact]
    public async Task A_link_for_a_preregistration_that_lapses_first_expires_with_it()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var email = NewEmail("lars");
        var id = await PreregisterAsync(App, sales, "Lars Lapsing", email);
        var claimEnds = await App.WithDbAsync(db => db.Preregistrations.Where(p => p.Id == id).Select(p => p.ExpiresAt!.Value).SingleAsync());

        // Ten days into the fifteen, a fresh link can only live five more days.
        App.Clock.Advance(TimeSpan.FromDays(10));
        var partner = await SignInAsync(DemoUsers.NorthwindSales);
        var token = await CreateLinkAsync(partner, id);
        using var customer = await RegisterAsync(App, token, "Lars Lapsing");
        App.Clock.SetUtcNow(new DateTimeOffset(claimEnds, TimeSpan.Zero));
        var again = NewClient();
        await again.SignInOrThrowAsync(email, CustomerPassword);

        using var response = await again.PostFormAsync($"/invite/{token}/associate", ("Consent", "true"));

        await response.AssertStatusAsync(HttpStatusCode.Conflict);
        Assert.Equal(Expired, (await HtmlPage.ReadAsync(response)).Problem());
        var state = await AssociationState.ReadAsync(App, id, email);
        Assert.Null(state.AssociatedPartnerId);
        Assert.Equal(0, state.SuccessfulAttempts);
    }
}
