using PartnerCenter.Web.Tests.Preregistrations;
namespace PartnerCenter.Web.Tests.Customers;

/// <summary>History Records: paging, the <i>Association failed</i> filter, the cause in full on the row, audited eye icons; and Invitation history's eyes.</summary>
public sealed class HistoryRecordsTests(TestApp app) : AppTest<TestApp>(app)
{
    private const string Url = "/CustomerDevelopment/History";

    private Task ArrangeAsync(string partner, int failed, int succeeded, string tag) =>
        App.WithDbAsync(async db =>
        {
            var partnerId = await db.Partners.Where(p => p.Name == partner).Select(p => p.Id).SingleAsync();
            var at = App.Now.AddDays(1); // newer than anything seeded, so these come first
            for (var i = 0; i < failed + succeeded; i++)
            {
                db.AssociationAttempts.Add(new AssociationAttempt
                {
                    PartnerId = partnerId,
                    PreregistrationId = Guid.NewGuid(),
                    CustomerName = $"Hilda History{tag}",
                    CustomerEmail = $"hilda{i}-{tag}@customers.example",
                    At = at.AddMinutes(-i),
                    Succeeded = i >= failed,
                    Cause = i >= failed ? null : AssociationErrors.DifferentEmail.Code,
                });
            }

            return await db.SaveChangesAsync();
        });

    private static List<string> Results(HtmlPage page) =>
        page.Document.QuerySelectorAll("main tbody tr").Select(tr => tr.QuerySelectorAll("td")[3].TextContent.Trim()).ToList();

    [Fact]
    public async Task History_Records_pages_filters_Association_failed_and_shows_the_cause_in_full_on_the_row()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await ArrangeAsync(Fabrikam, failed: 25, succeeded: 5, tag);
        var fabrikam = await SignInAsync(DemoUsers.FabrikamAdmin);

        var all = await fabrikam.GetPageAsync(Url);
        all.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(20, Results(all).Count);
        Assert.Contains("Page 1 of 2 · 30 records", all.MainText, StringComparison.Ordinal);
        Assert.Equal(10, Results(await fabrikam.GetPageAsync($"{Url}?page=2")).Count);

        var failedOnly = await fabrikam.GetPageAsync($"{Url}?result=failed");
        Assert.Contains("Page 1 of 2 · 25 records", failedOnly.MainText, StringComparison.Ordinal);
        Assert.All(Results(failedOnly), r => Assert.StartsWith("Association failed", r, StringComparison.Ordinal));
        var lastFailed = await fabrikam.GetPageAsync($"{Url}?result=failed&page=2");
        Assert.Equal(5, Results(lastFailed).Count);
        Assert.All(Results(lastFailed), r => Assert.StartsWith("Association failed", r, StringComparison.Ordinal));
        Assert.Equal("failed", lastFailed.Document.QuerySelector("select#result option[selected]")?.GetAttribute("value"));

        // The cause is on the row, in full, not folded away.
        var cause = failedOnly.Document.QuerySelector("main tbody tr [data-testid='cause']");
        Assert.NotNull(cause);
        Assert.Null(cause.Closest("details"));
        Assert.Equal(AssociationErrors.FromStored(AssociationErrors.DifferentEmail.Code).ForPartner, cause.TextContent.Trim());

        // Another partner's records never show.
        var northwind = await SignInAsync(DemoUsers.NorthwindAdmin);
        Assert.DoesNotContain($"hilda0-{tag}", (await northwind.GetPageAsync(Url)).Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_eye_icons_on_History_Records_reveal_names_and_emails_and_are_audited()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await ArrangeAsync(Tailspin, failed: 1, succeeded: 0, tag);
        var tailspin = await SignInAsync(DemoUsers.TailspinAdmin);

        await App.AssertRevealAuditedAsync(tailspin, Url, MaskedList.HistoryRecords, MaskedColumn.Email, $"hilda0-{tag}@customers.example", "h***@customers.example", DemoUsers.TailspinAdmin);
        await App.AssertRevealAuditedAsync(tailspin, Url, MaskedList.HistoryRecords, MaskedColumn.Name, $"Hilda History{tag}", "H*** H***", DemoUsers.TailspinAdmin);
    }

    [Fact]
    public async Task The_eye_icons_on_Invitation_history_reveal_the_customer_and_are_audited()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var email = Preregister.NewEmail("ivy");
        var id = await sales.PreregisterOrThrowAsync(App, "Ivy Invited", email);
        var url = $"/Invitations/History/{id}";

        await App.AssertRevealAuditedAsync(sales, url, MaskedList.InvitationHistory, MaskedColumn.Email, email, Masking.Email(email), DemoUsers.NorthwindSales);
        await App.AssertRevealAuditedAsync(sales, url, MaskedList.InvitationHistory, MaskedColumn.Name, "Ivy Invited", "I*** I***", DemoUsers.NorthwindSales);
    }
}
