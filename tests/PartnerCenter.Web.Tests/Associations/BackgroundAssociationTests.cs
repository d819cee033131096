using PartnerCenter.Core.Tickets;
using static PartnerCenter.Web.Tests.Associations.AssociationKit;

namespace PartnerCenter.Web.Tests.Associations;

/// <summary>The partner asks the ecosystem manager to associate a Preregistered customer in the background.</summary>
public sealed class BackgroundAssociationTests(TestApp app) : AppTest<TestApp>(app)
{
    [Fact]
    public async Task A_request_with_reason_and_contact_opens_a_ticket_the_partner_sees_in_the_list()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var email = NewEmail("tobi");
        var id = await PreregisterAsync(App, sales, "Tobi Ticket", email);
        var list = await sales.GetPageAsync($"/CustomerDevelopment?Q={Uri.EscapeDataString(email)}");
        var link = list.RowOf($"a[href='/CustomerDevelopment/BackgroundAssociation/{id}']")
            .QuerySelector($"a[href='/CustomerDevelopment/BackgroundAssociation/{id}']")!;
        Assert.Equal("Request background association for T*** T***", link.GetAttribute("aria-label"));
        var form = await sales.GetPageAsync(link.GetAttribute("href")!);
        form.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Request background association", form.Heading);

        using var response = await sales.SubmitAsync(form, form.FormOfButton("Submit"),
            ("Reason", "  Running production workloads; a freeze would interrupt them.  "), ("Contact", "Sam Sales, +49 30 1234567"));

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        var after = await sales.FollowAsync(response);
        Assert.Contains("Your request for background association was submitted. Your ecosystem manager will process it.", after.Alerts("success"));
        var ticket = await App.WithDbAsync(db => db.BackgroundAssociationTickets.AsNoTracking().SingleAsync(t => t.PreregistrationId == id));
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Equal("Running production workloads; a freeze would interrupt them.", ticket.Reason);
        Assert.Equal("Sam Sales, +49 30 1234567", ticket.Contact);
        Assert.Equal(await App.UserIdAsync(DemoUsers.NorthwindSales), ticket.CreatedByUserId);
        var northwindId = await App.WithDbAsync(db => db.Partners.Where(p => p.Name == Northwind).Select(p => p.Id).SingleAsync());
        Assert.Equal(northwindId, ticket.PartnerId);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "BackgroundAssociationRequested" && e.EntityId == ticket.Id.ToString())));

        var listed = await sales.GetPageAsync($"/CustomerDevelopment?Q={Uri.EscapeDataString(email)}");
        var status = listed.RowOf($"a[href='/Invitations/History/{id}']").QuerySelector(".status-cell")!.TextContent;
        Assert.Contains("Background association: Open", string.Join(' ', status.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        // Nothing is associated or frozen until the ecosystem manager processes it.
        Assert.Null((await AssociationState.ReadAsync(App, id, email)).AssociatedPartnerId);

        // A second request while this one is open is refused.
        var again = await sales.GetPageAsync($"/CustomerDevelopment/BackgroundAssociation/{id}");
        using var second = await sales.SubmitAsync(again, again.FormOfButton("Submit"), ("Reason", "Again"), ("Contact", "Sam"));
        await second.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Contains("A background association request for this customer is already open.", (await HtmlPage.ReadAsync(second)).SummaryErrors);
        Assert.Equal(1, await App.WithDbAsync(db => db.BackgroundAssociationTickets.CountAsync(t => t.PreregistrationId == id)));
    }

    [Fact]
    public async Task Missing_reason_and_contact_are_shown_next_to_their_fields_and_no_ticket_is_opened()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var id = await PreregisterAsync(App, sales, "Mia Missing", NewEmail("mia"));
        var form = await sales.GetPageAsync($"/CustomerDevelopment/BackgroundAssociation/{id}");

        using var response = await sales.SubmitAsync(form, form.FormOfButton("Submit"), ("Reason", " "), ("Contact", ""));

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var page = await HtmlPage.ReadAsync(response);
        Assert.Equal("Enter a reason for the request.", page.FieldError("Reason"));
        Assert.Equal("Enter a contact (name and phone or email) for the ecosystem manager.", page.FieldError("Contact"));
        Assert.False(await App.WithDbAsync(db => db.BackgroundAssociationTickets.AnyAsync(t => t.PreregistrationId == id)));

        using var tooLong = await sales.SubmitAsync(form, form.FormOfButton("Submit"), ("Reason", new string('r', 501)), ("Contact", "Sam Sales"));
        await tooLong.AssertStatusAsync(HttpStatusCode.OK);
        var kept = await HtmlPage.ReadAsync(tooLong);
        Assert.Equal("The reason can have at most 500 characters.", kept.FieldError("Reason"));
        Assert.Equal("Sam Sales", kept.InputValue("Contact"));
        Assert.False(await App.WithDbAsync(db => db.BackgroundAssociationTickets.AnyAsync(t => t.PreregistrationId == id)));
    }

    [Theory]
    [InlineData("lena.fischer@prospects.example")] // Expired
    [InlineData("pedro.silva@prospects.example")] // Pending review
    [InlineData("ana.costa@prospects.example")] // Rejected
    [InlineData("loyal@customers.example")] // Not preregistered (associated before the portal)
    public async Task A_record_that_is_not_preregistered_is_refused(string email)
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var id = await PreregistrationIdAsync(App, email);
        var tickets = await App.WithDbAsync(db => db.BackgroundAssociationTickets.CountAsync());

        using var response = await sales.PostFormAsync($"/CustomerDevelopment/BackgroundAssociation/{id}",
            ("Reason", "Please associate quietly."), ("Contact", "Sam Sales"));

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Contains("Only Preregistered customers can be associated in the background.", (await HtmlPage.ReadAsync(response)).SummaryErrors);
        Assert.Equal(tickets, await App.WithDbAsync(db => db.BackgroundAssociationTickets.CountAsync()));
    }
}
