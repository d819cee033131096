using PartnerCenter.Core.Tickets;
using static PartnerCenter.Web.Tests.Reviews.ReviewKit;

namespace PartnerCenter.Web.Tests.Reviews;

/// <summary>The ecosystem manager processes or declines the partners' background association tickets.</summary>
public sealed class BackgroundTicketDecisionTests(TestApp app) : AppTest<TestApp>(app)
{
    private const string Existing = "existing@customers.example";

    [Fact]
    public async Task Processing_associates_the_customer_without_freezing_and_the_partner_sees_it()
    {
        // A live Link/QR link, so processing has an invitation to retire.
        var (sales, id, em, tickets) = await TicketRequestedAsync("Existing GmbH", Existing, "Running production; a freeze would stop it.",
            beforeRequest: (client, record) => Associations.AssociationKit.CreateLinkAsync(client, record));
        var row = tickets.Document.QuerySelector("main button[aria-label='Process ticket for Existing GmbH']")!.Closest("tr")!;
        var text = Collapse(row.TextContent);
        Assert.Contains(Northwind, text, StringComparison.Ordinal);
        Assert.Contains(Existing, text, StringComparison.Ordinal);
        Assert.Contains("Running production; a freeze would stop it.", text, StringComparison.Ordinal);
        Assert.Contains("Sam Sales, +49 30 1234567", text, StringComparison.Ordinal);
        Assert.Contains("Open", text, StringComparison.Ordinal);

        using var response = await em.SubmitAsync(tickets, tickets.FormOfButton("Process ticket for Existing GmbH"));

        var after = await AfterAsync(em, response, "/Ecosystem/Tickets");
        Assert.Contains("Associated in the background; the customer is not frozen.", after.Alerts("success"));
        Assert.Null(after.Document.QuerySelector("main button[aria-label='Process ticket for Existing GmbH']"));
        var northwind = await App.WithDbAsync(db => db.Partners.Where(p => p.Name == Northwind).Select(p => p.Id).SingleAsync());
        var account = await App.WithDbAsync(db => db.CustomerAccounts.AsNoTracking().SingleAsync(a => a.Email == Existing));
        Assert.Equal(northwind, account.AssociatedPartnerId);
        Assert.False(account.IsFrozen);
        Assert.NotNull(account.AssociatedAt);
        var record = await RecordAsync(App, id);
        Assert.Equal(PreregistrationStatus.Associated, record.Status);
        var ticket = await App.WithDbAsync(db => db.BackgroundAssociationTickets.AsNoTracking().SingleAsync(t => t.PreregistrationId == id));
        Assert.Equal(TicketStatus.Processed, ticket.Status);
        Assert.Equal(await App.UserIdAsync(DemoUsers.EcosystemManager), ticket.DecidedByUserId);
        Assert.True(await App.WithDbAsync(db => db.AssociationAttempts.AnyAsync(a => a.PreregistrationId == id && a.Succeeded)));
        // The customer's open invitation link is spent: the association is done.
        Assert.Equal(InvitationStatus.Revoked, await App.WithDbAsync(db => db.Invitations.Where(i => i.PreregistrationId == id).Select(i => i.Status).SingleAsync()));

        var status = await PartnerStatusAsync(sales, Existing);
        Assert.StartsWith("Associated", status, StringComparison.Ordinal);
        Assert.Contains("Background association: Processed", status, StringComparison.Ordinal);

        // A second Process (another tab) is told, and nothing changes.
        using var again = await em.PostFormAsync($"/Ecosystem/ProcessTicket/{ticket.Id}");
        var told = await AfterAsync(em, again, "/Ecosystem/Tickets");
        Assert.Contains("This ticket has already been processed or declined.", told.Alerts("danger"));
        Assert.Equal(account.Version, (await App.WithDbAsync(db => db.CustomerAccounts.AsNoTracking().SingleAsync(a => a.Email == Existing))).Version);
    }

    [Fact]
    public async Task Declining_needs_a_reason_which_the_partner_reads_in_the_list()
    {
        var email = NewEmail("dana");
        var (sales, id, em, tickets) = await TicketRequestedAsync("Dana Declined", email, "Please do not freeze.");
        var href = tickets.Document.QuerySelector("main a[aria-label='Decline ticket for Dana Declined']")!.GetAttribute("href")!;
        var form = await em.GetPageAsync(href);
        form.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Decline the background association", form.Heading);

        using (var empty = await em.SubmitAsync(form, form.FormOfButton("Decline"), ("Reason", "  ")))
        {
            await empty.AssertStatusAsync(HttpStatusCode.OK);
            Assert.Equal("Enter the reason the partner will read.", (await HtmlPage.ReadAsync(empty)).FieldError("Reason"));
        }

        Assert.Equal(TicketStatus.Open, await TicketStatusAsync(id));

        const string reason = "The customer must accept the invitation themselves.";
        using var response = await em.SubmitAsync(form, form.FormOfButton("Decline"), ("Reason", reason));

        var after = await AfterAsync(em, response, "/Ecosystem/Tickets");
        Assert.Contains("Ticket declined; the partner sees your reason.", after.Alerts("success"));
        Assert.Equal(TicketStatus.Declined, await TicketStatusAsync(id));
        Assert.Equal(PreregistrationStatus.Preregistered, (await RecordAsync(App, id)).Status);
        var status = await PartnerStatusAsync(sales, email);
        Assert.StartsWith("Preregistered", status, StringComparison.Ordinal);
        Assert.Contains($"Background association: Declined ({reason})", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_without_a_platform_account_cannot_be_associated_in_the_background()
    {
        var email = NewEmail("nora");
        var (_, id, em, tickets) = await TicketRequestedAsync("Nora Noaccount", email, "Quietly, please.");

        using var response = await em.SubmitAsync(tickets, tickets.FormOfButton("Process ticket for Nora Noaccount"));

        var after = await AfterAsync(em, response, "/Ecosystem/Tickets");
        Assert.Contains("The customer has no platform account yet, so they cannot be associated in the background.", after.Alerts("danger"));
        Assert.Equal(TicketStatus.Open, await TicketStatusAsync(id));
        Assert.Equal(PreregistrationStatus.Preregistered, (await RecordAsync(App, id)).Status);
        Assert.NotNull(after.Document.QuerySelector("main button[aria-label='Process ticket for Nora Noaccount']"));
    }

    [Fact]
    public async Task An_unknown_ticket_is_404()
    {
        await AssertUnknownIdIs404Async(await SignInAsync(DemoUsers.EcosystemManager), "ProcessTicket", "DeclineTicket");
    }

    /// <summary>
    /// Northwind's sales user preregisters the customer and asks for a background association; the
    /// ecosystem manager then opens the ticket list.
    /// </summary>
    private async Task<(PartnerCenterClient Sales, Guid Id, PartnerCenterClient Manager, HtmlPage Tickets)> TicketRequestedAsync(
        string name, string email, string reason, Func<PartnerCenterClient, Guid, Task>? beforeRequest = null)
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var id = await PreregisterAsync(sales, name, email);
        if (beforeRequest is not null)
        {
            await beforeRequest(sales, id);
        }

        await RequestTicketAsync(sales, id, reason);
        var manager = await SignInAsync(DemoUsers.EcosystemManager);
        return (sales, id, manager, await TicketsAsync(manager));
    }

    private async Task<Guid> PreregisterAsync(PartnerCenterClient sales, string name, string email)
    {
        using var response = await sales.PostFormAsync("/CustomerDevelopment/Preregister",
            ("FullName", name), ("Email", email), ("Mobile", GermanMobile), ("SendInvitation", "false"));
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        return await App.WithDbAsync(db => db.Preregistrations
            .Where(p => p.CustomerEmail == email && p.Status == PreregistrationStatus.Preregistered).Select(p => p.Id).SingleAsync());
    }

    private static async Task RequestTicketAsync(PartnerCenterClient sales, Guid id, string reason)
    {
        var form = await sales.GetPageAsync($"/CustomerDevelopment/BackgroundAssociation/{id}");
        form.AssertStatus(HttpStatusCode.OK);
        using var response = await sales.SubmitAsync(form, form.FormOfButton("Submit"), ("Reason", reason), ("Contact", "Sam Sales, +49 30 1234567"));
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
    }

    private static async Task<HtmlPage> TicketsAsync(PartnerCenterClient em)
    {
        var page = await em.GetPageAsync("/Ecosystem/Tickets");
        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Background association tickets", page.Heading);
        return page;
    }

    private Task<TicketStatus> TicketStatusAsync(Guid preregistrationId) =>
        App.WithDbAsync(db => db.BackgroundAssociationTickets.Where(t => t.PreregistrationId == preregistrationId).Select(t => t.Status).SingleAsync());
}
