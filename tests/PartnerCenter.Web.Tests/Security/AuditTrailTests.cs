using PartnerCenter.Web.Tests.Associations;

namespace PartnerCenter.Web.Tests.Security;

/// <summary>Partner admins and ecosystem managers read a record's trail; nobody else; nothing changes it.</summary>
public sealed class AuditTrailTests(TestApp app) : AppTest<TestApp>(app)
{
    [Fact]
    public async Task The_trail_shows_actor_action_before_and_after_to_the_right_readers_only()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var id = await AssociationKit.PreregisterAsync(App, sales, "Trail Customer", AssociationKit.NewEmail("trail"));
        using (var deleted = await sales.PostFormAsync("/CustomerDevelopment/Delete", ("ids", id.ToString()), ("returnUrl", "/CustomerDevelopment")))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        var url = $"/Audit/Preregistration/{id}";
        var rowsBefore = await App.WithDbAsync(db => db.AuditEntries.CountAsync());

        var admin = await SignInAsync(DemoUsers.NorthwindAdmin);
        var page = (await admin.GetPageAsync(url)).AssertStatus(HttpStatusCode.OK);
        var rows = page.Document.QuerySelectorAll("main tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.True(rows.Count >= 2, page.ToString());
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r[0]) || string.IsNullOrEmpty(r[1]) || string.IsNullOrEmpty(r[2]), page.ToString()));
        Assert.Contains(rows, r => r[1].Contains("Sam Sales", StringComparison.Ordinal) || r[1].Contains(DemoUsers.NorthwindSales, StringComparison.Ordinal));
        var deletion = rows.Last();
        Assert.False(string.IsNullOrEmpty(deletion[3]), $"Deletion without a before: {page}");
        Assert.False(string.IsNullOrEmpty(deletion[4]), $"Deletion without an after: {page}");

        var em = await SignInAsync(DemoUsers.EcosystemManager);
        Assert.Equal(HttpStatusCode.OK, (await em.GetPageAsync(url)).Status);

        var contoso = await SignInAsync(DemoUsers.ContosoAdmin);
        Assert.Equal(HttpStatusCode.NotFound, await contoso.StatusOfAsync(url));

        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetPageAsync(url)).Status);

        // Reading changes nothing, and the trail cannot be posted to.
        using (var post = await admin.PostFormAsync(url))
        {
            Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"POST {url} answered {post.StatusCode}");
        }

        Assert.Equal(rowsBefore, await App.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Revealing_names_is_audited_with_the_actor()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var salesId = await App.UserIdAsync(DemoUsers.NorthwindSales);
        var before = await App.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.ActorUserId == salesId));

        using var reveal = await sales.PostFormAsync("/CustomerDevelopment/Reveal", ("column", "Name"), ("show", "true"), ("returnUrl", "/CustomerDevelopment"));

        Assert.Equal(HttpStatusCode.Redirect, reveal.StatusCode);
        Assert.Equal(before + 1, await App.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.ActorUserId == salesId)));
    }
}
