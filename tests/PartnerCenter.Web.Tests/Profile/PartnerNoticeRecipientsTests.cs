using PartnerCenter.Core.Accounts;
using static PartnerCenter.Web.Tests.Profile.ProfileKit;
using static PartnerCenter.Web.Tests.Reviews.ReviewKit;

namespace PartnerCenter.Web.Tests.Profile;

/// <summary>
/// Partner emails (review decided, customer associated) go to the reserved email and to every partner user
/// with the Customer Development permission who has not turned them off on the profile page; one copy per
/// address; each written in its recipient's zone. Read from the outbox (the fake clock holds the dispatcher).
/// </summary>
public sealed class PartnerNoticeRecipientsTests(FakeClockApp app) : AppTest<FakeClockApp>(app)
{
    [Fact]
    public async Task Review_decisions_go_to_the_reserved_email_and_users_who_want_them_each_in_their_zone()
    {
        var partnerId = await CreatePartnerInAsync(App, "Notice Partner", "DE", "team@notice.example");
        await CreateUserAsync(App, "boss@notice.example", Roles.PartnerAdmin, partnerId);
        await CreateUserAsync(App, "seller@notice.example", Roles.PartnerStaff, partnerId, customerDevelopment: true, timeZoneId: "Asia/Tokyo");
        await CreateUserAsync(App, "quiet@notice.example", Roles.PartnerStaff, partnerId, customerDevelopment: true);
        await CreateUserAsync(App, "trainee@notice.example", Roles.PartnerStaff, partnerId);
        // The reserved address is also a user's: it gets one copy, in that user's zone.
        await CreateUserAsync(App, "team@notice.example", Roles.PartnerStaff, partnerId, customerDevelopment: true, timeZoneId: "America/New_York");
        var quiet = await SignInAsync("quiet@notice.example");
        await SaveProfileAsync(quiet, null, reviewDecided: false);

        var seller = await SignInAsync("seller@notice.example");
        var id = await SubmitForReviewAsync(App, seller, "Rita Review", Preregister.NewEmail("rita"));
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        var queue = await QueueAsync(em);
        using (var approved = await em.SubmitAsync(queue, queue.FormOfButton("Approve Rita Review")))
        {
            await approved.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        var mails = await NoticesAsync("Preregistration of Rita Review approved");
        Assert.Equal(["boss@notice.example", "seller@notice.example", "team@notice.example"], mails.Keys.Order().ToList());
        // Valid until 2031-03-29 09:30 UTC: Berlin (the partner's zone) before its summer time, Tokyo, New York after its own.
        Assert.Contains("valid until 2031-03-29 10:30 (UTC+01:00)", mails["boss@notice.example"], StringComparison.Ordinal);
        Assert.Contains("valid until 2031-03-29 18:30 (UTC+09:00)", mails["seller@notice.example"], StringComparison.Ordinal);
        Assert.Contains("valid until 2031-03-29 05:30 (UTC-04:00)", mails["team@notice.example"], StringComparison.Ordinal);
        Assert.Equal(PreregistrationStatus.Preregistered, (await RecordAsync(App, id)).Status);
    }

    [Fact]
    public async Task Association_notices_skip_users_who_turned_them_off_and_users_without_the_permission()
    {
        // Northwind: its admin, sales (with the permission), intern (without), and the reserved email.
        var admin = await SignInAsync(DemoUsers.NorthwindAdmin);
        var page = await SaveProfileAsync(admin, null, reviewDecided: true, customerAssociated: false);
        Assert.Contains("Profile saved.", page.Alerts("success"));
        Assert.Null(page.Document.QuerySelector("input[name='EmailOnCustomerAssociated'][checked]"));

        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        using var invited = await Associations.AssociationKit.InvitedCustomerAsync(App, sales, "Asa Associated");
        using (var associated = await Associations.AssociationKit.AssociateAsync(invited.Client, invited.Token))
        {
            await associated.AssertStatusAsync(HttpStatusCode.OK);
        }

        var mails = await NoticesAsync("Asa Associated is now your customer");
        Assert.Equal([NorthwindReservedEmail, DemoUsers.NorthwindSales], mails.Keys.Order().ToList());
        Assert.Contains("accepted your invitation on 2031-03-14 10:30 (UTC+01:00)", mails[DemoUsers.NorthwindSales], StringComparison.Ordinal);
    }

    /// <summary>The queued copies of a notice by recipient (text body); fails on a second copy to one address.</summary>
    private async Task<Dictionary<string, string>> NoticesAsync(string subject) =>
        (await App.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Subject == subject).ToListAsync()))
        .ToDictionary(m => m.To, m => m.TextBody, StringComparer.OrdinalIgnoreCase);
}
