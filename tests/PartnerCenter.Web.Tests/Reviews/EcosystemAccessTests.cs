using PartnerCenter.Core.Tickets;
using static PartnerCenter.Web.Tests.Reviews.ReviewKit;

namespace PartnerCenter.Web.Tests.Reviews;

/// <summary>
/// Only ecosystem managers reach the workspace, and each only for the partners they look after.
/// The seeded Pending review record (Pedro Silva) is the target of every refused decision; it must stay undecided.
/// </summary>
public sealed class EcosystemAccessTests(TestApp app) : AppTest<TestApp>(app)
{
    private const string Pedro = "pedro.silva@prospects.example";

    private static readonly (string Method, string Url)[] EveryEndpoint =
    [
        ("GET", "/Ecosystem"),
        ("GET", "/Ecosystem/Index"),
        ("GET", "/Ecosystem/Reviews"),
        ("GET", "/Ecosystem/Reject/{0}"),
        ("GET", "/Ecosystem/Lookup"),
        ("GET", "/Ecosystem/Lookup?email=claimed%40customers.example"),
        ("GET", "/Ecosystem/Tickets"),
        ("GET", "/Ecosystem/DeclineTicket/{1}"),
        ("POST", "/Ecosystem/Approve/{0}"),
        ("POST", "/Ecosystem/Reject/{0}"),
        ("POST", "/Ecosystem/ProcessTicket/{1}"),
        ("POST", "/Ecosystem/DeclineTicket/{1}"),
    ];

    public static TheoryData<string, string> Endpoints
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (method, url) in EveryEndpoint)
            {
                data.Add(method, url);
            }

            return data;
        }
    }

    public static TheoryData<string, string, string> NotManagers
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var user in new[] { DemoUsers.NorthwindSales, DemoUsers.NorthwindAdmin, DemoUsers.ContosoAdmin, DemoUsers.Customer })
            {
                foreach (var (method, url) in EveryEndpoint)
                {
                    data.Add(user, method, url);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(NotManagers))]
    public async Task Partner_users_and_customers_are_refused_with_403(string user, string method, string url)
    {
        var client = await SignInAsync(user);
        var before = await TargetsAsync();

        using var response = await SendAsync(client, method, url, before);

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location!.AbsolutePathOrOriginal());
        var page = await client.FollowAsync(response);
        page.AssertStatus(HttpStatusCode.Forbidden);
        Assert.Equal("Access denied", page.Heading);
        Assert.DoesNotContain("Pedro", page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Contoso Reseller", page.MainText, StringComparison.Ordinal);
        Assert.Equal(before, await TargetsAsync());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string method, string url)
    {
        var anonymous = NewClient();
        var before = await TargetsAsync();

        using var response = await SendAsync(anonymous, method, url, before);

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        Assert.Equal("/Account/SignIn", location.AbsolutePathOrOriginal());
        Assert.Contains("ReturnUrl=%2FEcosystem", location.OriginalString, StringComparison.Ordinal);
        Assert.Equal(before, await TargetsAsync());
    }

    [Theory]
    [InlineData(DemoUsers.NorthwindSales)]
    [InlineData(DemoUsers.NorthwindAdmin)]
    [InlineData(DemoUsers.Customer)]
    public async Task The_workspace_menu_is_shown_only_to_ecosystem_managers(string user)
    {
        var other = await SignInAsync(user);
        var em = await SignInAsync(DemoUsers.EcosystemManager);

        var theirs = await other.GetPageAsync("/");
        var managers = await em.GetPageAsync("/");

        Assert.Null(theirs.Document.QuerySelector("nav a[href^='/Ecosystem']"));
        var links = managers.Document.QuerySelectorAll("nav a[href^='/Ecosystem']").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Dashboard", "Manual reviews", "Customer lookup", "Tickets"], links);
    }

    private static Task<HttpResponseMessage> SendAsync(PartnerCenterClient client, string method, string url, Targets targets)
    {
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, url, targets.PendingReview, targets.Ticket);
        return method == "GET"
            ? client.GetAsync(path)
            : client.PostFormAsync(path, ("Id", path.Contains("Ticket", StringComparison.Ordinal) ? targets.Ticket.ToString() : targets.PendingReview.ToString()),
                ("Reason", "Not allowed to decide this."));
    }

    /// <summary>The seeded Pending review record and an open ticket of Northwind's, with what a decision would change.</summary>
    private async Task<Targets> TargetsAsync()
    {
        var pending = await App.WithDbAsync(db => db.Preregistrations.AsNoTracking().SingleAsync(p => p.CustomerEmail == Pedro));
        var ticket = await App.WithDbAsync(db => db.BackgroundAssociationTickets.AsNoTracking()
            .Where(t => t.Reason == "Access tests' ticket").Select(t => (Guid?)t.Id).SingleOrDefaultAsync());
        if (ticket is null)
        {
            var northwind = await App.WithDbAsync(db => db.Partners.Where(p => p.Name == Northwind).Select(p => p.Id).SingleAsync());
            ticket = await App.WithDbAsync(async db =>
            {
                var record = await db.Preregistrations.AsNoTracking().SingleAsync(p => p.CustomerEmail == "anna.schmidt@prospects.example");
                var open = BackgroundAssociationTicket.Open(northwind, record.Id, "Access tests' ticket", "Sam Sales", null, record.CreatedAt);
                db.BackgroundAssociationTickets.Add(open);
                await db.SaveChangesAsync();
                return open.Id;
            });
        }

        var status = await App.WithDbAsync(db => db.BackgroundAssociationTickets.Where(t => t.Id == ticket).Select(t => t.Status).SingleAsync());
        var mails = await App.WithDbAsync(db => db.OutboxMessages.CountAsync());
        return new Targets(pending.Id, pending.Status, pending.Version, ticket.Value, status, mails);
    }

    private sealed record Targets(Guid PendingReview, PreregistrationStatus Status, int Version, Guid Ticket, TicketStatus TicketStatus, int Mails);
}

/// <summary>An ecosystem manager sees and decides only the records of the partners they look after.</summary>
public sealed partial class OtherManagersPartnerTests(TestApp app) : AppTest<TestApp>(app), IAsyncLifetime
{
    private const string OtherManager = "em2@platform.example";
    private const string Woodgrove = "Woodgrove Partners";
    private Guid pending;
    private Guid ticket;

    public async Task InitializeAsync()
    {
        if (await App.WithDbAsync(db => db.Partners.AnyAsync(p => p.Name == Woodgrove)))
        {
            pending = await App.WithDbAsync(db => db.Preregistrations.Where(p => p.CustomerName == "Wanda Woodgrove").Select(p => p.Id).SingleAsync());
            ticket = await App.WithDbAsync(db => db.BackgroundAssociationTickets.Where(t => t.Reason == "Production workloads").Select(t => t.Id).SingleAsync());
            return;
        }

        var managerId = await CreateManagerAsync(App, OtherManager, "Otto Manager");
        var partnerId = await CreatePartnerAsync(App, Woodgrove, managerId, "partners@woodgrove.example");
        var now = App.Now;
        pending = await AddPendingReviewAsync(App, partnerId, "Wanda Woodgrove", NewEmail("wanda"), now, now.AddDays(2));
        (_, ticket) = await AddOpenTicketAsync(App, partnerId, "Walter Woodgrove", NewEmail("walter"), now);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Another manager's record is not found, exactly as a record that does not exist: the answer
    /// tells nothing about it (same status, same page), and nothing changes.
    /// </summary>
    [Theory]
    [InlineData("/Ecosystem/Approve/{0}")]
    [InlineData("/Ecosystem/Reject/{0}")]
    [InlineData("/Ecosystem/ProcessTicket/{1}")]
    [InlineData("/Ecosystem/DeclineTicket/{1}")]
    public async Task Deciding_a_record_of_a_partner_one_does_not_manage_is_404_and_changes_nothing(string url)
    {
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        var before = await StateAsync();
        var unknown = Guid.NewGuid();
        var isTicket = url.Contains("Ticket", StringComparison.Ordinal);

        var (status, text) = await DecideAsync(em, url, isTicket ? ticket : pending, isTicket);
        var (unknownStatus, unknownText) = await DecideAsync(em, url, unknown, isTicket);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("Woodgrove", text, StringComparison.Ordinal);
        // The same page either way, but for the id asked for and the request's own trace id.
        static string Plain(string page, Guid id) => TraceId().Replace(page.Replace(id.ToString(), "{id}", StringComparison.Ordinal), "{trace}");
        Assert.Contains("quote this trace id", text, StringComparison.Ordinal);
        Assert.Equal((unknownStatus, Plain(unknownText, unknown)), (status, Plain(text, isTicket ? ticket : pending)));
        Assert.Equal(before, await StateAsync());
    }

    /// <summary>
    /// The reason forms are for records one may decide: another manager's record is not found
    /// before any form is shown or validated (as the partner's background association form does).
    /// </summary>
    [Theory]
    [InlineData("GET", "/Ecosystem/Reject/{0}")]
    [InlineData("GET", "/Ecosystem/DeclineTicket/{1}")]
    [InlineData("POST", "/Ecosystem/Reject/{0}")]
    [InlineData("POST", "/Ecosystem/DeclineTicket/{1}")]
    public async Task The_reason_form_of_a_record_one_does_not_manage_is_404(string method, string url)
    {
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, url, pending, ticket);
        var id = path.Contains("Ticket", StringComparison.Ordinal) ? ticket : pending;

        using var response = method == "GET"
            ? await em.GetAsync(path)
            : await em.PostFormAsync(path, ("Id", id.ToString()), ("Reason", ""));

        await response.AssertStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Each_manager_sees_only_their_own_partners_in_queue_tickets_and_dashboard()
    {
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        var other = await SignInAsync(OtherManager);

        var emQueue = await QueueAsync(em);
        var otherQueue = await QueueAsync(other);
        var emTickets = await em.GetPageAsync("/Ecosystem/Tickets");
        var otherTickets = await other.GetPageAsync("/Ecosystem/Tickets");
        var emDashboard = await em.GetPageAsync("/Ecosystem");
        var otherDashboard = await other.GetPageAsync("/Ecosystem");

        Assert.Contains("Pedro Silva", emQueue.QueuedCustomers());
        Assert.DoesNotContain("Wanda Woodgrove", emQueue.QueuedCustomers());
        Assert.DoesNotContain(Woodgrove, PartnersOf(emQueue));
        Assert.Contains("Wanda Woodgrove", otherQueue.QueuedCustomers());
        Assert.Equal([Woodgrove], PartnersOf(otherQueue));
        Assert.DoesNotContain("Walter Woodgrove", emTickets.MainText, StringComparison.Ordinal);
        Assert.Contains("Walter Woodgrove", otherTickets.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(Woodgrove, emDashboard.MainText, StringComparison.Ordinal);
        Assert.Equal([Woodgrove], otherDashboard.Document.QuerySelectorAll("main section[aria-labelledby^='partner-'] h2").Select(h => h.TextContent.Trim()).ToList());
        Assert.DoesNotContain(Northwind, otherDashboard.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_manager_of_the_partner_decides_it()
    {
        var partnerId = await App.WithDbAsync(db => db.Partners.Where(p => p.Name == Woodgrove).Select(p => p.Id).SingleAsync());
        var id = await AddPendingReviewAsync(App, partnerId, "Vera Woodgrove", NewEmail("vera"), App.Now, App.Now.AddDays(2));
        var other = await SignInAsync(OtherManager);
        var queue = await QueueAsync(other);

        using var response = await other.SubmitAsync(queue, queue.FormOfButton("Approve Vera Woodgrove"));

        await AfterAsync(other, response, "/Ecosystem/Reviews");
        Assert.Equal(PreregistrationStatus.Preregistered, (await RecordAsync(App, id)).Status);
        Assert.Contains(await MailToAsync(App, "partners@woodgrove.example"), m => m.Subject == "Preregistration of Vera Woodgrove approved");
    }

    /// <summary>POSTs a decision on <paramref name="id"/> (ticket or record) as the queue's buttons do; returns status and main text.</summary>
    private static async Task<(HttpStatusCode Status, string Text)> DecideAsync(PartnerCenterClient em, string url, Guid id, bool isTicket)
    {
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, url, isTicket ? Guid.Empty : id, isTicket ? id : Guid.Empty);
        using var response = await em.PostFormAsync(path, ("Id", id.ToString()), ("Reason", "Not my partner."));
        return (response.StatusCode, (await HtmlPage.ReadAsync(response)).MainText);
    }

    private static List<string> PartnersOf(HtmlPage queue) =>
        queue.Document.QuerySelectorAll("main tbody tr td:first-child").Select(td => td.TextContent.Trim()).Distinct().ToList();

    private async Task<(PreregistrationStatus, int, TicketStatus, int)> StateAsync() => (
        (await RecordAsync(App, pending)).Status,
        (await RecordAsync(App, pending)).Version,
        await App.WithDbAsync(db => db.BackgroundAssociationTickets.Where(t => t.Id == ticket).Select(t => t.Status).SingleAsync()),
        await App.WithDbAsync(db => db.OutboxMessages.CountAsync()));

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-f]{32}")]
    private static partial System.Text.RegularExpressions.Regex TraceId();
}
