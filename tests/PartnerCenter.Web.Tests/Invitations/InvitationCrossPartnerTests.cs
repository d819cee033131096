using static PartnerCenter.Web.Tests.Invitations.InvitationSteps;

namespace PartnerCenter.Web.Tests.Invitations;

/// <summary>Another partner's customers answer 404 to every invitation action, and nothing is created for them.</summary>
public sealed class InvitationCrossPartnerTests(PickupApp app) : AppTest<PickupApp>(app)
{
    [Fact]
    public async Task Contoso_gets_404_inviting_linking_previewing_or_reading_the_history_of_a_northwind_customer()
    {
        var contoso = await SignInAsync(DemoUsers.ContosoAdmin);
        var anna = await App.PreregistrationIdAsync(Anna);

        using var send = await contoso.SendInvitationsAsync(anna);
        using var link = await contoso.PostFormAsync($"/Invitations/Link/{anna}", ("returnUrl", "/CustomerDevelopment"));
        using var confirm = await contoso.PostFormAsync("/Invitations/Confirm", ("ids", anna.ToString()));
        using var history = await contoso.GetAsync($"/Invitations/History/{anna}");
        using var preview = await contoso.GetAsync($"/Invitations/Preview/{anna}");

        await send.AssertStatusAsync(HttpStatusCode.NotFound);
        await link.AssertStatusAsync(HttpStatusCode.NotFound);
        await confirm.AssertStatusAsync(HttpStatusCode.NotFound);
        await history.AssertStatusAsync(HttpStatusCode.NotFound);
        await preview.AssertStatusAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain("Anna", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.Invitations.AnyAsync(i => i.PreregistrationId == anna)));
        Assert.Empty(await App.OutboxForAsync(Anna));
    }

    [Fact]
    public async Task In_a_batch_with_its_own_customer_a_northwind_id_is_reported_as_not_found_without_its_name()
    {
        var contoso = await SignInAsync(DemoUsers.ContosoAdmin);
        var claimed = await App.PreregistrationIdAsync(ContosoClaimed);
        var jonas = await App.PreregistrationIdAsync(Jonas);

        var list = await contoso.InviteAsync(claimed, jonas);

        Assert.Equal(["Invitation email to C*** L*** is on its way."], list.Alerts("success"));
        Assert.Equal([$"Not invited: {jonas} (Not found.)"], list.Alerts("danger"));
        Assert.Single(await App.OutboxForAsync(ContosoClaimed));
        Assert.Empty(await App.OutboxForAsync(Jonas));
    }

    [Fact]
    public async Task Northwind_gets_404_for_the_history_of_a_contoso_customer()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var claimed = await App.PreregistrationIdAsync(ContosoClaimed);

        Assert.Equal(HttpStatusCode.NotFound, await sales.StatusOfAsync($"/Invitations/History/{claimed}"));
        using var link = await sales.PostFormAsync($"/Invitations/Link/{claimed}");
        await link.AssertStatusAsync(HttpStatusCode.NotFound);
    }
}
