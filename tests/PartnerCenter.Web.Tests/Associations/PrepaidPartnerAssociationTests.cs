using static PartnerCenter.Web.Tests.Associations.AssociationKit;

namespace PartnerCenter.Web.Tests.Associations;

/// <summary>A prepaid partner cannot develop customers in the reseller model, even with a link minted earlier.</summary>
/// <remarks>Its own factory: the test makes Northwind prepaid.</remarks>
public sealed class PrepaidPartnerAssociationTests(TestApp app) : AppTest<TestApp>(app)
{
    [Fact]
    public async Task A_partner_that_became_prepaid_after_inviting_cannot_associate_the_customer()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        using var invited = await InvitedCustomerAsync(App, sales, "Petra Prepaid");
        await SetNorthwindPrepaidAsync(true);
        var before = await AssociationState.ReadAsync(App, invited.PreregistrationId, invited.Email);

        using var response = await AssociateAsync(invited.Client, invited.Token);

        await response.AssertStatusAsync(HttpStatusCode.Conflict);
        var page = await HtmlPage.ReadAsync(response);
        // The customer reads what they can do, never the partner-side reason.
        Assert.Equal(AssociationErrors.Describe("prepaid_partner").ForCustomer, page.Problem());
        Assert.Contains("Contact the partner who invited you", page.Problem(), StringComparison.Ordinal);
        Assert.DoesNotContain("prepaid", page.MainText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("invitations cannot be sent", page.MainText, StringComparison.Ordinal);
        Assert.Equal(before, await AssociationState.ReadAsync(App, invited.PreregistrationId, invited.Email));
        Assert.Equal((PreregistrationStatus.Preregistered, "Active", (int?)null), (before.Status, before.InvitationStatuses, before.AssociatedPartnerId));
        var attempt = await App.WithDbAsync(db => db.AssociationAttempts.AsNoTracking().SingleAsync(a => a.PreregistrationId == invited.PreregistrationId));
        Assert.False(attempt.Succeeded);
        Assert.Equal("prepaid_partner", attempt.Cause);

        // The partner's History Records give the partner's reason and what to do.
        var partner = await SignInAsync(DemoUsers.NorthwindSales);
        var history = await partner.GetPageAsync("/CustomerDevelopment/History");
        var row = history.Document.QuerySelector("main tbody tr")!;
        Assert.Equal(InvitationErrors.PrepaidPartner.Message, row.QuerySelector("[data-testid='cause']")!.TextContent.Trim());
        Assert.Equal(AssociationErrors.CannotAssociate, row.QuerySelectorAll("td")[^1].TextContent.Trim());
        Assert.DoesNotContain("Contact the partner who invited you", history.MainText, StringComparison.Ordinal);

        // Once the partner is no longer prepaid, the same link works: the refusal consumed nothing.
        await SetNorthwindPrepaidAsync(false);
        using var retry = await AssociateAsync(invited.Client, invited.Token);
        await retry.AssertStatusAsync(HttpStatusCode.OK);
    }

    private Task<int> SetNorthwindPrepaidAsync(bool prepaid) =>
        App.WithDbAsync(db => db.Partners.Where(p => p.Name == Northwind).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsPrepaid, prepaid)));
}
