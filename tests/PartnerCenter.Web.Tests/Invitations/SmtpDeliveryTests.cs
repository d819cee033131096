using MimeKit;
using static PartnerCenter.Web.Tests.Invitations.InvitationSteps;

namespace PartnerCenter.Web.Tests.Invitations;

/// <summary>Invitation emails through a real SMTP server (aiosmtpd), sent by the app's own background dispatcher.</summary>
public sealed class SmtpDeliveryTests(SmtpApp fixture) : IClassFixture<SmtpApp>
{
    private TestApp App => fixture.App;

    private SmtpServer Smtp => fixture.Smtp;

    [Fact]
    public async Task The_email_arrives_with_text_and_html_to_the_customer_naming_the_partner_and_validity_and_its_link_opens_the_landing_page()
    {
        using var sales = await App.SignedInClientAsync(DemoUsers.NorthwindSales);
        var anna = await App.PreregistrationIdAsync(Anna);

        var list = await sales.InviteAsync(anna);

        Assert.Contains("Invitation email to A*** S*** is on its way.", list.Alerts("success"));
        var outbox = Assert.Single(await App.OutboxForAsync(Anna));
        var mail = Assert.Single(await Smtp.WaitForMessagesAsync(1, m => m.MessageId == MessageIdOf(outbox)));

        // Envelope and headers: to the customer, and only to them.
        Assert.Equal(Anna, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal(Anna, mail.Headers["X-RcptTo"]);
        Assert.Empty(mail.Cc);
        Assert.Equal("Northwind Cloud invites you to become their customer", mail.Subject);

        // Both parts, as alternatives of one another.
        Assert.Equal("multipart/alternative", mail.Body?.ContentType.MimeType);
        var parts = mail.BodyParts.OfType<TextPart>().ToList();
        Assert.Equal(["text/html", "text/plain"], parts.Select(p => p.ContentType.MimeType).Order(StringComparer.Ordinal));
        var text = mail.TextBody;
        var html = mail.HtmlBody;
        Assert.Contains("Hello Anna Schmidt,", text, StringComparison.Ordinal);
        Assert.Contains("Northwind Cloud invites you to become their customer, with the association type Reseller.", text, StringComparison.Ordinal);
        Assert.Contains("<strong>Northwind Cloud</strong> invites you", html, StringComparison.Ordinal);

        // Valid until the invitation's expiry: 7 days, in the partner's zone (named), in both parts.
        var invitation = await App.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Id == outbox.InvitationId));
        Assert.Equal(invitation.CreatedAt + TimeSpan.FromDays(7), invitation.ExpiresAt);
        var until = Shown.ToNorthwind(invitation.ExpiresAt);
        Assert.Contains($"This link is valid until {until} and can be used once.", text, StringComparison.Ordinal);
        // Razor writes "+" as a character reference in HTML.
        Assert.Contains($"This link is valid until <strong>{until}</strong>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        // One link, as text and as the button, under the configured public address.
        var link = Assert.Single(InviteLinksIn(text));
        Assert.Equal([link], InviteLinksIn(html));
        Assert.Contains($"href=\"{link}\"", html, StringComparison.Ordinal);
        Assert.True(invitation.Matches(link[(link.LastIndexOf('/') + 1)..]), "The link carries the invitation's token.");

        // Sent is recorded once the server has accepted the email; then the customer opens the link.
        await Poll.UntilAsync(async () => (await App.OutboxForAsync(Anna)).Single().Status == OutboxStatus.Sent, what: "the outbox row is marked Sent");
        using var customer = App.CreatePartnerCenterClient();
        var landing = await customer.GetPageAsync(PathOf(link));
        landing.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Northwind Cloud invites you to become their customer", landing.Heading);
        // A visitor whose browser has not told its zone yet reads UTC, named.
        Assert.Contains($"This link is valid until {Shown.InUtc(invitation.ExpiresAt)}.", landing.MainText, StringComparison.Ordinal);

        // Opening it again shows the same page and records nothing more: the first open is the one kept.
        (await customer.GetPageAsync(PathOf(link))).AssertStatus(HttpStatusCode.OK);

        var sent = Assert.Single(await App.OutboxForAsync(Anna));
        Assert.Equal(1, sent.Attempts);
        Assert.Null(sent.LastError);
        var kinds = await App.WithDbAsync(db => db.InvitationEvents.Where(e => e.InvitationId == invitation.Id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal([InvitationEventKind.Created, InvitationEventKind.Sent, InvitationEventKind.Opened], kinds);
    }

    [Fact]
    public async Task With_the_server_down_for_a_while_attempts_and_the_last_error_are_recorded_and_then_every_email_arrives_exactly_once()
    {
        using var sales = await App.SignedInClientAsync(DemoUsers.NorthwindSales);
        var ids = await App.AddPreregisteredAsync(InvitationSteps.NorthwindName, "outage", 4);
        var emails = Enumerable.Range(1, 4).Select(i => $"outage{i:000}@prospects.example").ToArray();

        await Smtp.StopAsync();
        try
        {
            var list = await sales.InviteAsync([.. ids]);
            Assert.Contains("4 invitation emails are on their way.", list.Alerts("success"));

            // The background dispatcher keeps trying, backing off, and records every failure.
            await Poll.UntilAsync(async () => (await App.OutboxForAsync(emails)).All(m => m.Attempts >= 2),
                what: "every email failed at least twice");
            var failing = await App.OutboxForAsync(emails);
            Assert.All(failing, m =>
            {
                Assert.Equal(OutboxStatus.Pending, m.Status);
                Assert.False(string.IsNullOrWhiteSpace(m.LastError));
                Assert.True(m.NextAttemptAt > m.CreatedAt, "The next attempt is scheduled later.");
            });
            var invitations = await App.WithDbAsync(db => db.Invitations.AsNoTracking().Where(i => ids.Contains(i.PreregistrationId)).ToListAsync());
            Assert.All(invitations, i =>
            {
                Assert.Equal(DeliveryStatus.Queued, i.Delivery);
                Assert.False(string.IsNullOrWhiteSpace(i.LastError));
            });
            Assert.DoesNotContain(Smtp.Messages(), m => emails.Contains(m.To.Mailboxes.Single().Address));
        }
        finally
        {
            await Smtp.StartAsync();
        }

        await Poll.UntilAsync(async () => (await App.OutboxForAsync(emails)).All(m => m.Status == OutboxStatus.Sent), what: "every email is sent");
        var rows = await App.OutboxForAsync(emails);
        Assert.Equal(0, await App.DispatchOnceAsync());

        var arrived = Smtp.Messages().Where(m => emails.Contains(m.To.Mailboxes.Single().Address)).ToList();
        AssertArrivedExactlyOnce(rows, arrived);
        Assert.All(rows, m => Assert.Null(m.LastError));
        var failures = await App.WithDbAsync(db => db.InvitationEvents
            .Where(e => ids.Contains(e.PreregistrationId) && e.Kind == InvitationEventKind.Failed).Select(e => e.Detail!).ToListAsync());
        Assert.Contains(failures, d => d.StartsWith("Attempt 1 failed, will retry: ", StringComparison.Ordinal));
        Assert.Contains(failures, d => d.StartsWith("Attempt 2 failed, will retry: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_mailbox_page_does_not_exist_when_mail_goes_to_an_smtp_server()
    {
        using var visitor = App.CreatePartnerCenterClient();

        Assert.Equal(HttpStatusCode.NotFound, await visitor.StatusOfAsync("/Mailbox"));
    }
}
