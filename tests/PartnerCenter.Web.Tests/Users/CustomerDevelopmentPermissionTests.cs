namespace PartnerCenter.Web.Tests.Users;

/// <summary>The partner admin grants and withdraws Customer Development on the Users page.</summary>
public sealed class CustomerDevelopmentPermissionTests(TestApp app) : AppTest<TestApp>(app)
{
    [Fact]
    public async Task Admin_grants_the_intern_who_can_then_open_customer_development_and_loses_it_when_withdrawn()
    {
        var intern = await SignInAsync(DemoUsers.NorthwindIntern);
        var admin = await SignInAsync(DemoUsers.NorthwindAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await intern.GetPageAsync("/CustomerDevelopment")).Status);

        var users = await admin.GetPageAsync("/Users");
        using var granted = await admin.SubmitAsync(users, users.FormOfButton("Grant Customer Development for Ian Intern"));

        await granted.AssertStatusAsync(HttpStatusCode.Redirect);
        var afterGrant = await admin.FollowAsync(granted);
        Assert.Contains("Customer Development granted to Ian Intern.", afterGrant.Alerts("success"));
        Assert.True(await HasPermissionAsync(DemoUsers.NorthwindIntern));
        // The permission is read per request: the intern's existing session sees it at once.
        var opened = await intern.GetPageAsync("/CustomerDevelopment");
        opened.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Customer Development", opened.Heading);

        using var withdrawn = await admin.SubmitAsync(afterGrant, afterGrant.FormOfButton("Withdraw Customer Development for Ian Intern"));

        var afterWithdraw = await admin.FollowAsync(withdrawn);
        Assert.Contains("Customer Development withdrawn from Ian Intern.", afterWithdraw.Alerts("success"));
        Assert.False(await HasPermissionAsync(DemoUsers.NorthwindIntern));
        Assert.Equal(HttpStatusCode.Forbidden, (await intern.GetPageAsync("/CustomerDevelopment")).Status);
        var audit = await App.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["PermissionGranted", "PermissionWithdrawn"], audit.Where(a => a.StartsWith("Permission", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Staff_cannot_grant_the_permission()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var internId = await App.UserIdAsync(DemoUsers.NorthwindIntern);
        var before = await HasPermissionAsync(DemoUsers.NorthwindIntern);

        using var response = await sales.PostFormAsync($"/Users/SetPermission/{internId}", ("grant", "true"));
        var page = await sales.FollowAsync(response);

        page.AssertStatus(HttpStatusCode.Forbidden);
        Assert.Equal(before, await HasPermissionAsync(DemoUsers.NorthwindIntern));
    }

    [Fact]
    public async Task Withdrawing_from_a_partner_admin_is_refused_with_a_message()
    {
        var admin = await SignInAsync(DemoUsers.NorthwindAdmin);
        var adminId = await App.UserIdAsync(DemoUsers.NorthwindAdmin);

        using var response = await admin.PostFormAsync($"/Users/SetPermission/{adminId}", ("grant", "false"));
        var page = await admin.FollowAsync(response);

        page.AssertStatus(HttpStatusCode.OK);
        Assert.Contains("Partner admins always have Customer Development; it cannot be withdrawn.", page.MainText, StringComparison.Ordinal);
        Assert.Empty(page.Alerts("success"));
    }

    private Task<bool> HasPermissionAsync(string email) =>
        App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.HasCustomerDevelopment).SingleAsync());
}
