using AngleSharp.Html.Dom;
using static PartnerCenter.Web.Tests.Invitations.InvitationSteps;

namespace PartnerCenter.Web.Tests.Invitations;

/// <summary>Inviting by email: the Invite dialog, batches, who can be invited, and "Send invitation link: Yes".</summary>
public sealed class InviteBatchTests(PickupApp app) : AppTest<PickupApp>(app)
{
    private const string Contoso = "Contoso Reseller";
    private const string Prepaid = "A prepaid partner cannot develop customers in the reseller model, so invitations cannot be sent.";

    [Fact]
    public async Task A_mixed_batch_queues_the_preregistered_customers_and_says_per_row_why_the_others_were_skipped()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var anna = await App.PreregistrationIdAsync(Anna);
        var pedro = await App.PreregistrationIdAsync(Pedro);
        var ana = await App.PreregistrationIdAsync(AnaCosta);
        var lena = await App.PreregistrationIdAsync(Lena);
        var jonas = await App.PreregistrationIdAsync(Jonas);
        var before = await App.OutboxAsync();

        using var confirm = await sales.PostFormAsync("/Invitations/Confirm",
            [.. new[] { anna, pedro, ana, lena, jonas }.Select(id => ("ids", (string?)id.ToString())), ("returnUrl", "/CustomerDevelopment")]);
        var dialog = (await HtmlPage.ReadAsync(confirm)).AssertStatus(HttpStatusCode.OK);

        // The dialog: who, the association type and what it means, that links expire, the preview. Nothing sent yet.
        Assert.Equal("Invite", dialog.Heading);
        Assert.Contains("Send an association invitation email to 5 customers", dialog.MainText, StringComparison.Ordinal);
        Assert.Equal("Reseller", ((IHtmlInputElement)dialog.Document.QuerySelector("input[name=associationType]:checked")!).Value);
        Assert.Contains("Reseller: the customer signs a contract with you. You are responsible for the customer's contracts, billing, invoices and support services, and the customer pays you.",
            dialog.MainText, StringComparison.Ordinal);
        Assert.Contains("Invitation links are valid for 7 days", dialog.MainText, StringComparison.Ordinal);
        Assert.Equal($"/Invitations/Preview/{anna}", dialog.Document.QuerySelector("iframe[title='Invitation email preview']")?.GetAttribute("src"));
        Assert.Equal(before.Count, (await App.OutboxAsync()).Count);

        using var sent = await sales.SubmitAsync(dialog, dialog.FormOfButton("OK"));
        await sent.AssertStatusAsync(HttpStatusCode.Redirect);
        var list = await sales.FollowAsync(sent);

        Assert.Equal(["2 invitation emails are on their way."], list.Alerts("success"));
        var skipped = Assert.Single(list.Alerts("danger"));
        Assert.Equal("Not invited: P*** S*** (Only Preregistered customers can be invited; this one is Pending review.); " +
                     "A*** C*** (Only Preregistered customers can be invited; this one is Rejected.); " +
                     "L*** F*** (Only Preregistered customers can be invited; this one is Expired.)", skipped);
        var queued = (await App.OutboxAsync()).Where(m => before.All(b => b.Id != m.Id)).ToList();
        Assert.Equal([Anna, Jonas], queued.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(queued, m => Assert.Equal((OutboxStatus.Pending, 0), (m.Status, m.Attempts)));
        Assert.False(await App.WithDbAsync(db => db.Invitations.AnyAsync(i => i.PreregistrationId == pedro || i.PreregistrationId == ana || i.PreregistrationId == lena)));
    }

    [Fact]
    public async Task A_batch_of_100_is_queued_at_once_with_an_outbox_row_and_an_invitation_each_and_101_are_refused()
    {
        var ids = await App.AddPreregisteredAsync(Contoso, "batch", 99);
        ids.Add(await App.PreregistrationIdAsync(ContosoClaimed));
        var admin = await SignInAsync(DemoUsers.ContosoAdmin);

        var list = await admin.InviteAsync([.. ids]);

        Assert.Equal(["100 invitation emails are on their way."], list.Alerts("success"));
        Assert.Empty(list.Alerts("danger"));
        var invitations = await App.WithDbAsync(db => db.Invitations.AsNoTracking().Where(i => ids.Contains(i.PreregistrationId)).ToListAsync());
        Assert.Equal(100, invitations.Select(i => i.PreregistrationId).Distinct().Count());
        Assert.All(invitations, i => Assert.Equal((InvitationChannel.Email, InvitationStatus.Active, DeliveryStatus.Queued), (i.Channel, i.Status, i.Delivery)));
        var invitationIds = invitations.Select(i => (Guid?)i.Id).ToList();
        var rows = await App.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => invitationIds.Contains(m.InvitationId)).ToListAsync());
        Assert.Equal(100, rows.Count);
        Assert.Equal(100, rows.Select(m => m.To).Distinct().Count());
        Assert.All(rows, m => Assert.Equal("Contoso Reseller invites you to become their customer", m.Subject));

        var more = await App.AddPreregisteredAsync(Contoso, "extra", 1);
        var refused = await admin.InviteAsync([.. ids, .. more]);
        Assert.Equal(["Invite at most 100 customers at once."], refused.Alerts("danger"));
        Assert.Equal(100, await App.WithDbAsync(db => db.Invitations.CountAsync(i => ids.Contains(i.PreregistrationId) || more.Contains(i.PreregistrationId))));
    }

    [Fact]
    public async Task Inviting_with_nothing_selected_says_so()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);

        using var response = await sales.PostFormAsync("/Invitations/Confirm", ("returnUrl", "/CustomerDevelopment"));
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        var list = await sales.FollowAsync(response);

        Assert.Equal(["Select at least one customer to invite."], list.Alerts("danger"));
    }

    [Fact]
    public async Task Send_invitation_link_yes_at_preregistration_queues_the_invitation_email_and_no_does_not()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);

        var yes = await PreregisterAsync(sales, "Nina Neumann", "nina.neumann@prospects.example", "+4915123456787", sendInvitation: true);
        var no = await PreregisterAsync(sales, "Otto Ohne", "otto.ohne@prospects.example", "+4915123456786", sendInvitation: false);

        Assert.Single(yes.Alerts("success"), a => a.StartsWith("Nina Neumann is preregistered", StringComparison.Ordinal) && a.EndsWith("The invitation email is on its way.", StringComparison.Ordinal));
        Assert.Single(no.Alerts("success"), a => a.StartsWith("Otto Ohne is preregistered", StringComparison.Ordinal) && !a.Contains("invitation", StringComparison.Ordinal));
        var row = Assert.Single(await App.OutboxForAsync("nina.neumann@prospects.example"));
        Assert.Equal("Northwind Cloud invites you to become their customer", row.Subject);
        Assert.Contains("Hello Nina Neumann,", row.TextBody, StringComparison.Ordinal);
        Assert.Single(InviteLinksIn(row.TextBody));
        var nina = await App.PreregistrationIdAsync("nina.neumann@prospects.example");
        var invitation = await App.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.PreregistrationId == nina));
        Assert.Equal((row.InvitationId, InvitationChannel.Email, DeliveryStatus.Queued), ((Guid?)invitation.Id, invitation.Channel, invitation.Delivery));
        Assert.Equal(invitation.CreatedAt + TimeSpan.FromDays(7), invitation.ExpiresAt);
        Assert.Empty(await App.OutboxForAsync("otto.ohne@prospects.example"));
    }

    [Fact]
    public async Task A_prepaid_partner_is_refused_invitations_by_email_and_by_link()
    {
        var tailspin = await SignInAsync(DemoUsers.TailspinAdmin);
        await PreregisterAsync(tailspin, "Paula Prepaid", "paula.prepaid@prospects.example", "+4915123456785", sendInvitation: false);
        var paula = await App.PreregistrationIdAsync("paula.prepaid@prospects.example");

        var afterInvite = await tailspin.InviteAsync(paula);
        using var link = await tailspin.PostFormAsync($"/Invitations/Link/{paula}", ("returnUrl", "/CustomerDevelopment"));
        await link.AssertStatusAsync(HttpStatusCode.Redirect);
        var afterLink = await tailspin.FollowAsync(link);

        Assert.Equal([Prepaid], afterInvite.Alerts("danger"));
        Assert.Empty(afterInvite.Alerts("success"));
        Assert.Equal([Prepaid], afterLink.Alerts("danger"));
        Assert.False(await App.WithDbAsync(db => db.Invitations.AnyAsync(i => i.PreregistrationId == paula)));
        Assert.Empty(await App.OutboxForAsync("paula.prepaid@prospects.example"));
    }

    /// <remarks>
    /// Exposes a src gap: docs/domain.md says a prepaid partner's invitations "are refused with that
    /// cause", but "Send invitation link: Yes" at preregistration is dropped silently; the page only
    /// says the customer is preregistered.
    /// </remarks>
    [Fact]
    public async Task Send_invitation_link_yes_as_a_prepaid_partner_queues_nothing_and_says_why()
    {
        var tailspin = await SignInAsync(DemoUsers.TailspinAdmin);

        var list = await PreregisterAsync(tailspin, "Pia Prepaid", "pia.prepaid@prospects.example", "+4915123456784", sendInvitation: true);

        Assert.Empty(await App.OutboxForAsync("pia.prepaid@prospects.example"));
        Assert.Contains(list.Alerts("success").Concat(list.Alerts("danger")), a => a.Contains(Prepaid, StringComparison.Ordinal));
    }

    /// <summary>Fills and submits Preregister Customer; returns the list it redirects to.</summary>
    private static async Task<HtmlPage> PreregisterAsync(PartnerCenterClient client, string name, string email, string mobile, bool sendInvitation)
    {
        var form = await client.GetPageAsync("/CustomerDevelopment/Preregister");
        using var response = await client.SubmitAsync(form, form.FormOfButton("OK"),
            ("FullName", name), ("Email", email), ("Mobile", mobile), ("SendInvitation", sendInvitation ? "true" : "false"));
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        return await client.GetPageAsync(response.Headers.Location!.OriginalString);
    }
}
