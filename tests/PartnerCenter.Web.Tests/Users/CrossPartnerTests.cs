namespace PartnerCenter.Web.Tests.Users;

/// <summary>Another partner's records answer 404 and stay untouched.</summary>
public sealed class CrossPartnerTests(TestApp app) : AppTest<TestApp>(app)
{
    [Theory]
    [InlineData(DemoUsers.NorthwindIntern, "true")]
    [InlineData(DemoUsers.NorthwindSales, "false")]
    public async Task Admin_of_another_partner_setting_a_northwind_users_permission_gets_404_and_nothing_changes(string email, string grant)
    {
        var contoso = await SignInAsync(DemoUsers.ContosoAdmin);
        var userId = await App.UserIdAsync(email);
        var before = await SnapshotAsync(email);

        using var response = await contoso.PostFormAsync($"/Users/SetPermission/{userId}", ("grant", grant));

        await response.AssertStatusAsync(HttpStatusCode.NotFound);
        var page = await HtmlPage.ReadAsync(response);
        Assert.Equal("Not found", page.Heading);
        Assert.Equal(before, await SnapshotAsync(email));
    }

    [Fact]
    public async Task An_unknown_user_id_gets_404()
    {
        var admin = await SignInAsync(DemoUsers.NorthwindAdmin);

        using var response = await admin.PostFormAsync($"/Users/SetPermission/{Guid.NewGuid()}", ("grant", "true"));

        await response.AssertStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_users_page_of_another_partner_lists_none_of_northwinds_users()
    {
        var contoso = await SignInAsync(DemoUsers.ContosoAdmin);

        var page = await contoso.GetPageAsync("/Users");

        page.AssertStatus(HttpStatusCode.OK);
        Assert.Contains(DemoUsers.ContosoAdmin, page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("northwind", page.MainText, StringComparison.OrdinalIgnoreCase);
    }

    private Task<(bool Permission, int AuditEntries)> SnapshotAsync(string email) =>
        App.WithDbAsync(async db => (
            await db.Users.Where(u => u.Email == email).Select(u => u.HasCustomerDevelopment).SingleAsync(),
            await db.AuditEntries.CountAsync()));
}
