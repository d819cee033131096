using System.Globalization;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Partners;

namespace PartnerCenter.Web.Tests.Reviews;

/// <summary>The steps around a manual review, driven through the app as partners and ecosystem managers do.</summary>
public static class ReviewKit
{
    /// <summary>A Brazilian mobile: a customer without a platform account is judged by it, and Northwind develops business only in DE.</summary>
    public const string BrazilianMobile = Preregister.BrazilianMobileNumber;

    public const string GermanMobile = Preregister.GermanMobileNumber;

    public const string AlreadyDecidedPrefix = "This request has already been decided";

    /// <summary>A fresh, lower-case address no seeded record uses.</summary>
    public static string NewEmail(string who) => Preregister.NewEmail(who);

    /// <summary>
    /// Submits a customer for manual review as the partner does: the first OK offers the review, the
    /// offered page's "Submit for manual review" confirms it. Returns the Pending review record's id.
    /// </summary>
    public static async Task<Guid> SubmitForReviewAsync(
        TestApp app, PartnerCenterClient partner, string name, string email, bool sendInvitation = false, string mobile = BrazilianMobile)
    {
        await partner.PreregisterOrThrowAsync(app, name, email, mobile, sendInvitation, confirmReview: true);
        return await app.WithDbAsync(db => db.Preregistrations
            .Where(p => p.CustomerEmail == email && p.Status == PreregistrationStatus.PendingReview)
            .Select(p => p.Id)
            .SingleAsync());
    }

    public static Task<Preregistration> RecordAsync(TestApp app, Guid id) =>
        app.WithDbAsync(db => db.Preregistrations.AsNoTracking().SingleAsync(p => p.Id == id));

    /// <summary>Emails queued to an address, oldest first.</summary>
    public static Task<List<OutboxMessage>> MailToAsync(TestApp app, string to) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == to).OrderBy(m => m.CreatedAt).ToListAsync());

    /// <summary>The partner's review decision emails about one customer.</summary>
    public static async Task<List<OutboxMessage>> DecisionMailsAsync(TestApp app, string customerName) =>
        (await MailToAsync(app, NorthwindReservedEmail))
        .Where(m => m.Subject.StartsWith($"Preregistration of {customerName} ", StringComparison.Ordinal))
        .ToList();

    public static Task<int> DecisionAuditsAsync(TestApp app, Guid id)
    {
        var entityId = id.ToString();
        return app.WithDbAsync(db => db.AuditEntries.CountAsync(e =>
            (e.Action == "ReviewApproved" || e.Action == "ReviewRejected") && e.EntityId == entityId));
    }

    /// <summary>The Manual reviews queue as the ecosystem manager sees it.</summary>
    public static async Task<HtmlPage> QueueAsync(PartnerCenterClient manager)
    {
        var page = await manager.GetPageAsync("/Ecosystem/Reviews");
        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Manual reviews", page.Heading);
        return page;
    }

    /// <summary>The queue's rows, in order: each row's customer name.</summary>
    public static IReadOnlyList<string> QueuedCustomers(this HtmlPage queue) =>
        queue.Document.QuerySelectorAll("main tbody tr").Select(tr => tr.QuerySelector("td:nth-child(2) .fw-semibold")!.TextContent.Trim()).ToList();

    /// <summary>The queue row of a customer.</summary>
    public static IElement QueueRow(this HtmlPage queue, string customerName) =>
        queue.Document.QuerySelector($"main button[aria-label='Approve {customerName}']")?.Closest("tr")
        ?? throw new InvalidOperationException($"{customerName} is not in the queue: {queue}");

    public static string TimeLeft(this IElement row) =>
        Collapse(row.QuerySelector("[data-testid='time-left']")?.TextContent);

    public static bool IsMarkedOverdue(this IElement row) =>
        row.ClassList.Contains("pc-overdue") && row.QuerySelectorAll(".badge").Any(b => b.TextContent.Trim() == "Overdue");

    /// <summary>The status cell of the partner's only list row for an email, whitespace collapsed.</summary>
    public static async Task<string> PartnerStatusAsync(PartnerCenterClient partner, string email)
    {
        var list = await partner.GetPageAsync($"/CustomerDevelopment?Q={Uri.EscapeDataString(email)}");
        list.AssertStatus(HttpStatusCode.OK);
        var cells = list.Document.QuerySelectorAll("main tbody tr .status-cell").ToList();
        Assert.Single(cells);
        return Collapse(cells[0].TextContent);
    }

    /// <summary>A signed-in client's main text after following a decision's redirect.</summary>
    /// <summary>
    /// The manager's two decisions on an id nothing has: <paramref name="decide"/> (no reason) and
    /// <paramref name="decline"/> (with a reason) both answer 404.
    /// </summary>
    public static async Task AssertUnknownIdIs404Async(PartnerCenterClient manager, string decide, string decline)
    {
        var unknown = Guid.NewGuid().ToString();

        using var decided = await manager.PostFormAsync($"/Ecosystem/{decide}/{unknown}");
        using var declined = await manager.PostFormAsync($"/Ecosystem/{decline}/{unknown}", ("Id", unknown), ("Reason", "Nothing has this id"));

        await decided.AssertStatusAsync(HttpStatusCode.NotFound);
        await declined.AssertStatusAsync(HttpStatusCode.NotFound);
    }

    public static async Task<HtmlPage> AfterAsync(PartnerCenterClient client, HttpResponseMessage response, string expectedPath)
    {
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal(expectedPath, response.Headers.Location!.AbsolutePathOrOriginal());
        return await client.FollowAsync(response);
    }

    /// <summary>Another ecosystem manager, created as the seeder does.</summary>
    public static async Task<string> CreateManagerAsync(TestApp app, string email, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        Check(await users.CreateAsync(user, DemoUsers.Password));
        Check(await users.AddToRoleAsync(user, Roles.EcosystemManager));
        return user.Id;
    }

    /// <summary>A partner in DE with a reserved email, looked after by <paramref name="managerId"/>.</summary>
    public static Task<int> CreatePartnerAsync(TestApp app, string name, string managerId, string reservedEmail) =>
        app.WithDbAsync(async db =>
        {
            var partner = new Partner { Name = name, BusinessCountries = "DE", EcosystemManagerId = managerId };
            partner.ReserveContact(reservedEmail, null);
            db.Partners.Add(partner);
            await db.SaveChangesAsync();
            return partner.Id;
        });

    /// <summary>A Pending review record written as the submission would, due when given.</summary>
    public static async Task<Guid> AddPendingReviewAsync(TestApp app, int partnerId, string name, string email, DateTime submittedAt, DateTime dueAt)
    {
        var record = Preregister.NewRecord(partnerId, name, email, BrazilianMobile, submittedAt, ReviewTrigger.Country, dueAt);
        await app.AddAsync(record);
        return record.Id;
    }

    /// <summary>A Preregistered record with an open background association ticket.</summary>
    public static Task<(Guid PreregistrationId, Guid TicketId)> AddOpenTicketAsync(TestApp app, int partnerId, string name, string email, DateTime now) =>
        app.WithDbAsync(async db =>
        {
            var record = Preregister.NewRecord(partnerId, name, email, GermanMobile, now);
            var ticket = Core.Tickets.BackgroundAssociationTicket.Open(partnerId, record.Id, "Production workloads", "Someone", null, now);
            db.Preregistrations.Add(record);
            db.BackgroundAssociationTickets.Add(ticket);
            await db.SaveChangesAsync();
            return (record.Id, ticket.Id);
        });

    /// <summary>A UTC moment as an ecosystem manager without a chosen zone reads it: "2031-03-18 14:30 (UTC+00:00)".</summary>
    public static string Utc(DateTime moment) => Shown.InUtc(moment);

    public static string Collapse(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
