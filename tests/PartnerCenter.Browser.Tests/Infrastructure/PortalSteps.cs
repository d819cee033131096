
namespace PartnerCenter.Browser.Tests.Infrastructure;

/// <summary>
/// A customer a test preregisters. <paramref name="MaskedName"/> and <paramref name="MaskedEmail"/>
/// are written out by hand (what the partner should see), not computed with the app's own code.
/// Tests sharing a collection use names whose masked forms differ: rows and buttons are found by them.
/// </summary>
public sealed record TestCustomer(string Name, string MaskedName, string Email, string MaskedEmail, string Mobile, string MaskedMobile);

/// <summary>Steps a user takes on the portal's pages, for any browser page (the partner's or the customer's).</summary>
public static class PortalSteps
{
    public static ILocator Button(this IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public static ILocator Link(this IPage page, string name) =>
        page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>The success message at the top of the page (role status).</summary>
    public static ILocator SuccessMessage(this IPage page) =>
        page.GetByRole(AriaRole.Main).Locator(".alert-success[role=status]");

    /// <summary>The row of the list whose name cell reads exactly <paramref name="maskedName"/>.</summary>
    public static ILocator RowOf(this IPage page, string maskedName) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = maskedName, Exact = true }) });

    /// <summary>Fills the Preregister Customer form (already open) and presses OK.</summary>
    public static async Task FillPreregistrationAsync(this IPage page, TestCustomer customer, bool sendInvitation)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Preregister Customer", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Full name", new() { Exact = true }).FillAsync(customer.Name);
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync(customer.Email);
        await page.GetByLabel("Mobile number", new() { Exact = true }).FillAsync(customer.Mobile);
        var sendGroup = page.GetByRole(AriaRole.Group, new() { Name = "Send invitation link" });
        await sendGroup.GetByRole(AriaRole.Radio, new() { Name = sendInvitation ? "Yes" : "No", Exact = true }).CheckAsync();
    }

    /// <summary>From the Customer Development list: Preregister Customer, fill, OK, and expect the success message.</summary>
    public static async Task PreregisterAsync(this IPage page, TestCustomer customer, bool sendInvitation)
    {
        await page.Link("Preregister Customer").ClickAsync();
        await page.FillPreregistrationAsync(customer, sendInvitation);
        await page.Button("OK").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customer Development", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.SuccessMessage()).ToContainTextAsync($"{customer.Name} is preregistered, valid until");
        try
        {
            await Expect(page.RowOf(customer.MaskedName)).ToHaveCountAsync(1);
        }
        catch (PlaywrightException ex)
        {
            // Seen once in CI (two rows for one submission): say what the rows were, so the log explains it.
            var rows = await page.RowOf(customer.MaskedName).AllInnerTextsAsync();
            throw new InvalidOperationException($"Expected one row for {customer.MaskedName} at {page.Url}, found {rows.Count}: {string.Join(" || ", rows)}", ex);
        }
    }

    /// <summary>
    /// Reloads the Mailbox page until an email to <paramref name="recipient"/> is listed (the outbox
    /// dispatcher sends in the background), at most <paramref name="within"/>. Returns its row.
    /// </summary>
    public static async Task<ILocator> WaitForEmailToAsync(this IPage page, string recipient, TimeSpan within)
    {
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = recipient });
        try
        {
            // Growing to 1 s between reloads: the dispatcher wakes every 100 ms to 2 s.
            await Poll.UntilAsync(async () =>
            {
                await page.GotoAsync("/Mailbox");
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mailbox", Level = 1 })).ToBeVisibleAsync();
                return await row.CountAsync() > 0;
            }, within, $"an email to {recipient} is listed", TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No email to {recipient} reached the Mailbox within {within.TotalSeconds:0} s.");
        }

        return row.First;
    }
}
