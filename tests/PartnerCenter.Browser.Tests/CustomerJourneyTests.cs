using System.Text.RegularExpressions;

namespace PartnerCenter.Browser.Tests;

/// <summary>
/// Issue 5 in the browser, as two people at two browsers: the partner preregisters with an
/// invitation, the customer reads it in the Mailbox, registers, consents and associates; the
/// partner sets a budget and unfreezes; the customer sees the account unfrozen.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CustomerJourneyTests(PortalFixture portal) : BrowserTest(portal)
{
    private const string NewPassword = "Journey123!";

    private static readonly TestCustomer Yvonne = new(
        "Yvonne Quandt", "Y*** Q***", "yvonne.quandt@journey.example", "y***@journey.example", "+49 1512 3456769", "+49 *** *** 69");

    [Fact]
    public async Task From_preregistration_to_an_unfrozen_customer()
    {
        // The partner preregisters with "Send invitation link: Yes".
        await SignInAsync(DemoUsers.NorthwindSales);
        await ChooseFromMenuAsync("Sales", "Customer Development");
        await Page.Link("Preregister Customer").ClickAsync();
        await Page.FillPreregistrationAsync(Yvonne, sendInvitation: true);
        await Page.Button("OK").ClickAsync();
        await Expect(Page.SuccessMessage()).ToContainTextAsync("Yvonne Quandt is preregistered");
        await Expect(Page.SuccessMessage()).ToContainTextAsync("The invitation email is on its way.");
        await Expect(Page.RowOf(Yvonne.MaskedName)).ToContainTextAsync("Preregistered");
        await ScreenshotAsync("journey-01-partner-preregistered");

        // The customer, at another browser, finds the email in the Mailbox and follows its link.
        var customer = await OpenSecondPersonAsync();
        await customer.GotoAsync("/");
        await customer.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Mailbox", Exact = true }).ClickAsync();
        var message = await customer.WaitForEmailToAsync(Yvonne.Email, TimeSpan.FromSeconds(30));
        await message.GetByRole(AriaRole.Link, new() { Name = "Northwind Cloud invites you to become their customer" }).ClickAsync();
        await Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Links in this email" })).ToBeVisibleAsync();
        await ScreenshotAsync(customer, "journey-02-customer-email");
        await customer.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("[/]invite[/]") }).ClickAsync();

        await Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Northwind Cloud invites you to become their customer", Level = 1 })).ToBeVisibleAsync();
        await Expect(customer.GetByRole(AriaRole.Main)).ToContainTextAsync("ending the association later needs Northwind Cloud's consent");
        await ScreenshotAsync(customer, "journey-03-customer-landing");

        // Registers with the invited address (fixed), then consents and associates.
        await customer.Link("Register").ClickAsync();
        await Expect(customer.GetByLabel("Email address", new() { Exact = true })).ToHaveValueAsync(Yvonne.Email);
        await Expect(customer.GetByLabel("Email address", new() { Exact = true })).Not.ToBeEditableAsync();
        await customer.GetByLabel("Full name", new() { Exact = true }).FillAsync(Yvonne.Name);
        await customer.GetByLabel("Password", new() { Exact = true }).FillAsync(NewPassword);
        await customer.GetByLabel("Confirm password", new() { Exact = true }).FillAsync(NewPassword);
        await ScreenshotAsync(customer, "journey-04-customer-register");
        await customer.Button("Register").ClickAsync();

        await Expect(customer.SuccessMessage()).ToContainTextAsync("Your account is ready. Confirm the association below.");
        var consent = customer.GetByRole(AriaRole.Checkbox, new() { Name = "I agree to become a customer of Northwind Cloud on the terms above" });
        await Expect(consent).Not.ToBeCheckedAsync();
        await consent.CheckAsync();
        await ScreenshotAsync(customer, "journey-05-customer-consent");
        await customer.Button("Associate").ClickAsync();

        await Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "You are now a customer of Northwind Cloud" })).ToBeVisibleAsync();
        await Expect(customer.GetByRole(AriaRole.Status)).ToContainTextAsync("Your account is restricted from purchases until Northwind Cloud sets a budget for you and unfreezes it.");
        await ScreenshotAsync(customer, "journey-06-customer-associated");
        await customer.Link("Go to My Partner").ClickAsync();
        await Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "My Partner", Level = 1 })).ToBeVisibleAsync();
        await Expect(customer.GetByTestId("frozen-state")).ToContainTextAsync("Frozen");
        await Expect(customer.GetByRole(AriaRole.Main)).ToContainTextAsync("Northwind Cloud");
        await Expect(customer.GetByRole(AriaRole.Main)).ToContainTextAsync("No budget set yet");

        // The partner sees the row Associated, and the customer frozen on Customers.
        await Page.ReloadAsync();
        var row = Page.RowOf(Yvonne.MaskedName);
        await Expect(row.Locator(".badge-status")).ToHaveTextAsync("Associated");
        await Expect(Page.Button($"Delete {Yvonne.MaskedName}")).ToHaveCountAsync(0);
        await Expect(Page.Button($"Invite {Yvonne.MaskedName}")).ToHaveCountAsync(0);
        await ScreenshotAsync("journey-07-partner-associated");

        await ChooseFromMenuAsync("Sales", "Customers");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Customers", Level = 1 })).ToBeVisibleAsync();
        var customerRow = Page.RowOf(Yvonne.MaskedName);
        await Expect(customerRow.GetByRole(AriaRole.Cell, new() { Name = Yvonne.MaskedEmail, Exact = true })).ToBeVisibleAsync();
        await Expect(customerRow).ToContainTextAsync("Frozen");
        await Expect(customerRow).ToContainTextAsync("Not set");
        await ScreenshotAsync("journey-08-partner-customers-frozen");

        // A monthly budget with Unfreeze now.
        await Page.Button($"Set Budget for {Yvonne.MaskedName}").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Set Budget", Level = 1 })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Monthly" }).CheckAsync();
        await Page.GetByLabel("Amount (USD)", new() { Exact = true }).FillAsync("500.00");
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Automatically", Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "Unfreeze now", Exact = true }).CheckAsync();
        await ScreenshotAsync("journey-09-partner-set-budget");
        await Page.Button("OK").ClickAsync();

        await Expect(Page.SuccessMessage()).ToContainTextAsync("Budget saved.");
        await Expect(customerRow).ToContainTextAsync("Not frozen");
        await Expect(customerRow).ToContainTextAsync("Monthly 500.00 USD");
        await ScreenshotAsync("journey-10-partner-budget-saved");

        // The customer's My Partner shows the account unfrozen, with the budget.
        await customer.ReloadAsync();
        await Expect(customer.GetByTestId("frozen-state")).ToHaveTextAsync("Not frozen");
        await Expect(customer.GetByRole(AriaRole.Main)).ToContainTextAsync("Monthly, 500.00 USD");
        await ScreenshotAsync(customer, "journey-11-customer-not-frozen");
    }
}
