using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Customers;
using PartnerCenter.Web.Tests.Associations;
using PartnerCenter.Web.Tests.Usage;
using static PartnerCenter.Web.Tests.Associations.AssociationKit;

namespace PartnerCenter.Web.Tests.Customers;

/// <summary>
/// Ending an association, end to end on a fake clock: the customer asks on My Partner with a reason, the partner
/// sees it on Customers and consents or declines within 7 days (overdue after, also for the ecosystem manager).
/// </summary>
public sealed class EndAssociationTests(FakeClockApp app) : AppTest<FakeClockApp>(app)
{
    private async Task<InvitedCustomer> AssociatedCustomerAsync(PartnerCenterClient sales, string name)
    {
        var invited = await InvitedCustomerAsync(App, sales, name);
        using var associated = await AssociateAsync(invited.Client, invited.Token);
        await associated.AssertStatusAsync(HttpStatusCode.OK);
        return invited;
    }

    private static async Task<HtmlPage> AskToEndAsync(InvitedCustomer customer, string reason)
    {
        var page = await customer.Client.GetPageAsync("/MyPartner");
        page.AssertStatus(HttpStatusCode.OK);
        var form = page.FormOfButton("Ask to end the association");
        Assert.NotNull(form.GetAttribute("data-confirm"));
        using var response = await customer.Client.SubmitAsync(page, form, ("Reason", reason));
        return response.StatusCode == HttpStatusCode.Redirect ? await customer.Client.FollowAsync(response) : await HtmlPage.ReadAsync(response);
    }

    private Task<DisassociationRequest?> RequestOfAsync(string email) =>
        App.WithDbAsync(db => (from r in db.DisassociationRequests.AsNoTracking()
                               join a in db.CustomerAccounts on r.CustomerAccountId equals a.Id
                               where a.Email == email
                               orderby r.RequestedAt descending
                               select r).FirstOrDefaultAsync());

    private Task<CustomerAccount> AccountOfAsync(string email) =>
        App.WithDbAsync(db => db.CustomerAccounts.AsNoTracking().SingleAsync(a => a.Email == email));

    private Task<List<string>> SubjectsToAsync(string to) =>
        App.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == to).Select(m => m.Subject).ToListAsync());

    private static IReadOnlyList<AngleSharp.Dom.IElement> RequestRows(HtmlPage page) =>
        page.Document.QuerySelectorAll("[data-testid='end-requests'] tbody tr").ToList();

    [Fact]
    public async Task The_customer_asks_with_a_reason_the_partner_sees_it_overdue_after_7_days_and_consent_ends_the_association()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        using var customer = await AssociatedCustomerAsync(sales, "Elena Ending");
        using (var budget = await sales.PostFormAsync("/Customers/SetBudget",
                   ("Ids", (await AccountOfAsync(customer.Email)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Type", "Monthly"), ("Amount", "500")))
        {
            await budget.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        Assert.Equal(BudgetType.Monthly, (await AccountOfAsync(customer.Email)).BudgetType);

        // A reason is required: told by the field, nothing saved.
        var refused = await AskToEndAsync(customer, "  ");
        Assert.Equal("Enter a reason.", refused.FieldError("Reason"));
        Assert.Null(await RequestOfAsync(customer.Email));

        var asked = await AskToEndAsync(customer, "We move to our own contract.");
        Assert.Contains(asked.Alerts("success"), a => a.StartsWith("Your request to end the association was sent.", StringComparison.Ordinal));
        var request = await RequestOfAsync(customer.Email);
        Assert.NotNull(request);
        Assert.Equal((DisassociationStatus.Pending, "We move to our own contract.", App.Now), (request.Status, request.Reason, request.RequestedAt));
        Assert.Contains("We move to our own contract.", asked.Document.QuerySelector("[data-testid='end-request']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(asked.Document.QuerySelector("form[action='/MyPartner/End']"));

        // The partner sees it on Customers, not overdue yet; the manager sees nothing yet.
        var customers = await sales.GetPageAsync("/Customers");
        var row = Assert.Single(RequestRows(customers), r => r.TextContent.Contains("We move to our own contract.", StringComparison.Ordinal));
        Assert.DoesNotContain("Overdue", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("form[data-confirm]"));
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        Assert.Null((await em.GetPageAsync("/Ecosystem")).Document.QuerySelector("[data-testid='overdue-ends']"));

        // Another partner cannot act on it.
        var contoso = await SignInAsync(DemoUsers.ContosoAdmin);
        using (var consentElsewhere = await contoso.PostFormAsync($"/Customers/ConsentEnd/{request.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, consentElsewhere.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, await contoso.StatusOfAsync($"/Customers/DeclineEnd/{request.Id}"));
        using (var declineElsewhere = await contoso.PostFormAsync("/Customers/DeclineEnd", ("Id", request.Id.ToString()), ("Reason", "No.")))
        {
            Assert.Equal(HttpStatusCode.NotFound, declineElsewhere.StatusCode);
        }

        Assert.Empty(RequestRows(await contoso.GetPageAsync("/Customers")));
        Assert.Equal(DisassociationStatus.Pending, (await RequestOfAsync(customer.Email))!.Status);

        // One minute short of 7 days: not overdue; at 7 days: overdue for the partner and the manager.
        // (Sign-ins do not outlive a week of fake time: sign in again.)
        App.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        sales = await SignInAsync(DemoUsers.NorthwindSales);
        em = await SignInAsync(DemoUsers.EcosystemManager);
        Assert.DoesNotContain("Overdue", RequestRows(await sales.GetPageAsync("/Customers")).Single(r => r.TextContent.Contains("We move", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains("Overdue", RequestRows(await sales.GetPageAsync("/Customers")).Single(r => r.TextContent.Contains("We move", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        var overdue = (await em.GetPageAsync("/Ecosystem")).Document.QuerySelector("[data-testid='overdue-ends']");
        Assert.NotNull(overdue);
        Assert.Contains(Northwind, overdue.TextContent, StringComparison.Ordinal);
        Assert.Contains("E*** E***", overdue.TextContent, StringComparison.Ordinal);

        // Consent: the account leaves the partner's Customers, its settings end, both sides are emailed.
        var accountId = (await AccountOfAsync(customer.Email)).Id;
        using var consented = await sales.PostFormAsync($"/Customers/ConsentEnd/{request.Id}");
        await consented.AssertStatusAsync(HttpStatusCode.Redirect);
        var after = await sales.FollowAsync(consented);
        Assert.Contains("The association with E*** E*** has ended. Both sides were emailed.", after.Alerts("success"));
        Assert.DoesNotContain(RequestRows(after), r => r.TextContent.Contains("We move", StringComparison.Ordinal));
        Assert.Null(after.Document.QuerySelector($"input[name='ids'][value='{accountId}']"));
        var account = await AccountOfAsync(customer.Email);
        Assert.Equal(((int?)null, (DateTime?)null, BudgetType.None, 0m, false), (account.AssociatedPartnerId, account.AssociatedAt, account.BudgetType, account.BudgetAmount, account.IsFrozen));
        Assert.Equal(DisassociationStatus.Consented, (await RequestOfAsync(customer.Email))!.Status);
        Assert.Contains("Elena Ending is no longer your customer", await SubjectsToAsync(NorthwindReservedEmail));
        Assert.Contains("Your association with Northwind Cloud has ended", await SubjectsToAsync(customer.Email));

        // History Records and the audit keep what happened; the customer reads it on My Partner.
        var history = await App.WithDbAsync(db => db.AssociationAttempts.AsNoTracking().Where(a => a.CustomerEmail == customer.Email && a.Ended).ToListAsync());
        Assert.Equal("We move to our own contract.", Assert.Single(history).EndReason);
        Assert.Contains("Association ended", (await sales.GetPageAsync("/CustomerDevelopment/History")).MainText, StringComparison.Ordinal);
        var audit = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityId == request.Id.ToString() || (e.Action == "AssociationEnded" && e.EntityId == accountId.ToString(System.Globalization.CultureInfo.InvariantCulture))).Select(e => e.Action).ToListAsync());
        Assert.Equal(["AssociationEnded", "DisassociationConsented", "DisassociationRequested"], audit.Order(StringComparer.Ordinal));
        var mine = await (await SignInAsync(customer.Email, CustomerPassword)).GetPageAsync("/MyPartner");
        mine.AssertStatus(HttpStatusCode.OK);
        Assert.Contains("You are not associated with a partner.", mine.MainText, StringComparison.Ordinal);

        // A second consent (another tab) is told, not applied twice.
        using var again = await sales.PostFormAsync($"/Customers/ConsentEnd/{request.Id}");
        Assert.Contains(DisassociationRequest.NotPending.Message, (await sales.FollowAsync(again)).Alerts("danger"));
    }

    [Fact]
    public async Task The_partner_declines_with_a_reason_the_customer_is_emailed_and_stays_the_partners_customer()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        using var customer = await AssociatedCustomerAsync(sales, "Dora Declined");
        await AskToEndAsync(customer, "Too expensive.");
        var request = (await RequestOfAsync(customer.Email))!;

        var form = await sales.GetPageAsync($"/Customers/DeclineEnd/{request.Id}");
        form.AssertStatus(HttpStatusCode.OK);
        Assert.NotNull(form.FormOfButton("Decline").GetAttribute("data-confirm"));
        using (var empty = await sales.SubmitAsync(form, form.FormOfButton("Decline"), ("Reason", "")))
        {
            var page = await HtmlPage.ReadAsync(empty);
            Assert.Equal("Enter a reason.", page.FieldError("Reason"));
        }

        Assert.Equal(DisassociationStatus.Pending, (await RequestOfAsync(customer.Email))!.Status);
        using var declined = await sales.SubmitAsync(form, form.FormOfButton("Decline"), ("Reason", "Your contract runs until June."));
        await declined.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("You declined the request of D*** D***. The customer was emailed your reason.", (await sales.FollowAsync(declined)).Alerts("success"));

        var stored = (await RequestOfAsync(customer.Email))!;
        Assert.Equal((DisassociationStatus.Declined, "Your contract runs until June."), (stored.Status, stored.DeclineReason));
        Assert.NotNull((await AccountOfAsync(customer.Email)).AssociatedPartnerId);
        Assert.Contains("Northwind Cloud declined your request to end the association", await SubjectsToAsync(customer.Email));
        var mine = await customer.Client.GetPageAsync("/MyPartner");
        Assert.Contains("Reason: Your contract runs until June.", mine.Document.QuerySelector("[data-testid='end-request']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityId == stored.Id.ToString()).Select(e => e.Action).ToListAsync()), a => a == "DisassociationDeclined");

        // The customer may ask again.
        var again = await AskToEndAsync(customer, "Still too expensive.");
        Assert.Contains(again.Alerts("success"), a => a.StartsWith("Your request to end the association was sent.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_customer_with_unpaid_spend_this_period_is_told_why_and_nothing_is_asked()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        using var customer = await AssociatedCustomerAsync(sales, "Uwe Unpaid");
        var zone = (await App.WithDbAsync(db => db.Partners.AsNoTracking().SingleAsync(p => p.Name == Northwind))).TimeZone;
        Assert.NotEqual(TimeSpan.Zero, zone.GetUtcOffset(App.Now));
        var monthStart = BudgetPeriod.MonthStart(App.Now, zone);
        if (App.Now < monthStart.AddMinutes(2))
        {
            App.Clock.Advance(TimeSpan.FromMinutes(2));
        }

        // The platform reports spend: a minute before the partner's month began (billed), and a minute after it
        // began (unpaid; in UTC that minute is still the earlier month).
        using var platform = App.CreateClient();
        foreach (var (amount, at) in new[] { (99m, monthStart.AddMinutes(-1)), (42.5m, monthStart.AddMinutes(1)) })
        {
            var answer = await UsageKit.PostAsync(platform, UsageKit.Record($"unpaid-{Guid.NewGuid():N}", customer.Email, amount, at));
            Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        }

        var page = await AskToEndAsync(customer, "Leaving.");

        Assert.Contains("You cannot end the association yet: 42.50 USD of this period's spend is unpaid. Pay it, then ask again.",
            page.Document.QuerySelector("main .alert-danger")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal("Leaving.", page.Document.QuerySelector("textarea#Reason")?.TextContent);
        Assert.Null(await RequestOfAsync(customer.Email));
    }

    [Fact]
    public async Task Spend_of_an_earlier_month_does_not_keep_a_customer_from_asking()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        using var customer = await AssociatedCustomerAsync(sales, "Bea Billed");
        var zone = (await App.WithDbAsync(db => db.Partners.AsNoTracking().SingleAsync(p => p.Name == Northwind))).TimeZone;
        using var platform = App.CreateClient();
        var answer = await UsageKit.PostAsync(platform,
            UsageKit.Record($"billed-{Guid.NewGuid():N}", customer.Email, 250m, BudgetPeriod.MonthStart(App.Now, zone).AddMinutes(-1)));
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());

        var page = await AskToEndAsync(customer, "Moving on.");

        Assert.Contains(page.Alerts("success"), a => a.StartsWith("Your request to end the association was sent.", StringComparison.Ordinal));
        Assert.Equal(DisassociationStatus.Pending, (await RequestOfAsync(customer.Email))!.Status);
    }
}
