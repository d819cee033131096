using System.Text.RegularExpressions;

namespace PartnerCenter.Browser.Tests;

/// <summary>Issue 3 in the browser: preregister, masking and the eye buttons, a refusal, manual review, delete.</summary>
[Collection(PortalCollection.Name)]
public sealed class PreregistrationTests(PortalFixture portal) : BrowserTest(portal)
{
    private static readonly TestCustomer Quirin = new(
        "Quirin Xaver", "Q*** X***", "quirin.xaver@prereg.example", "q***@prereg.example", "+49 1512 3456789", "+49 *** *** 89");

    private static readonly TestCustomer Karla = new(
        "Karla Oswald", "K*** O***", "karla.oswald@prereg.example", "k***@prereg.example", "+49 1512 3456788", "+49 *** *** 88");

    [Fact]
    public async Task Partner_preregisters_reveals_is_refused_submits_for_review_and_deletes()
    {
        await SignInAsync(DemoUsers.NorthwindSales);
        await ChooseFromMenuAsync("Sales", "Customer Development");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Customer Development", Level = 1 })).ToBeVisibleAsync();

        // Preregister a new customer.
        await Page.Link("Preregister Customer").ClickAsync();
        await Page.FillPreregistrationAsync(Quirin, sendInvitation: false);
        await ScreenshotAsync("prereg-01-form-filled");
        await Page.Button("OK").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/CustomerDevelopment$"));
        await Expect(Page.SuccessMessage()).ToContainTextAsync(new Regex(@"Quirin Xaver is preregistered, valid until \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\+0[12]:00\)\."));

        // Masked in the list: name, email and mobile; the full values appear nowhere on the page.
        var row = Page.RowOf(Quirin.MaskedName);
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = Quirin.MaskedEmail, Exact = true })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = Quirin.MaskedMobile, Exact = true })).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("Preregistered");
        await Expect(row).ToContainTextAsync(new Regex("Expires in 1[45] days"));
        await Expect(Page.GetByRole(AriaRole.Table)).Not.ToContainTextAsync(Quirin.Email);
        await Expect(Page.GetByRole(AriaRole.Table)).Not.ToContainTextAsync(Quirin.Name);
        await ScreenshotAsync("prereg-02-list-masked");

        // The eye button shows the full emails, then hides them again.
        await Page.Button("Show emails").ClickAsync();
        await Expect(Page.Button("Hide emails")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = Quirin.Email, Exact = true })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = Quirin.MaskedName, Exact = true })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = Quirin.MaskedMobile, Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync("prereg-03-emails-revealed");

        await Page.Button("Hide emails").ClickAsync();
        await Expect(Page.Button("Show emails")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = Quirin.MaskedEmail, Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Table)).Not.ToContainTextAsync(Quirin.Email);

        // A customer on the Chinese mainland website is refused with the cause; nothing is saved.
        await Page.Link("Preregister Customer").ClickAsync();
        await Page.FillPreregistrationAsync(
            new TestCustomer("Mainland Trading", "M*** T***", "mainland@customers.example", "m***@customers.example", "+49 1512 3456787", "+49 *** *** 87"),
            sendInvitation: false);
        await Page.Button("OK").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Chinese mainland" }))
            .ToContainTextAsync("This customer is registered on the Chinese mainland website and cannot be preregistered.");
        await Expect(Page.GetByLabel("Email address", new() { Exact = true })).ToHaveValueAsync("mainland@customers.example");
        await Expect(Page.GetByLabel("Full name", new() { Exact = true })).ToHaveValueAsync("Mainland Trading");
        await ScreenshotAsync("prereg-04-refused-mainland");
        await Page.Link("Cancel").ClickAsync();
        await Expect(Page.RowOf("M*** T***")).ToHaveCountAsync(0);

        // A customer abroad needs a manual review: the reason, then Submit for manual review.
        await Page.Link("Preregister Customer").ClickAsync();
        await Page.FillPreregistrationAsync(
            new TestCustomer("Abroad Ventures", "A*** V***", "abroad@customers.example", "a***@customers.example", "+49 1512 3456786", "+49 *** *** 86"),
            sendInvitation: false);
        await Page.Button("OK").ClickAsync();
        var review = Page.GetByRole(AriaRole.Alert).Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = "This customer needs a manual review" }) });
        await Expect(review).ToContainTextAsync("Customer's country is outside your business countries");
        await Expect(Page.Button("OK")).ToHaveCountAsync(0);
        await ScreenshotAsync("prereg-05-manual-review-offered");
        await Page.Button("Submit for manual review").ClickAsync();

        await Expect(Page.SuccessMessage()).ToContainTextAsync("Abroad Ventures was submitted for manual review. An ecosystem manager decides within 2 working days.");
        var pending = Page.RowOf("A*** V***");
        await Expect(pending).ToContainTextAsync("Pending review");
        await Expect(pending).ToContainTextAsync("Customer's country is outside your business countries");
        await Expect(Page.Button("Delete A*** V***")).ToHaveCountAsync(0);
        await Expect(Page.Button("Invite A*** V***")).ToHaveCountAsync(0);
        await ScreenshotAsync("prereg-06-pending-review");

        // Delete a Preregistered row: the browser asks first, then the row is gone.
        string? asked = null;
        void Accept(object? sender, IDialog dialog)
        {
            asked = dialog.Message;
            _ = dialog.AcceptAsync();
        }

        Page.Dialog += Accept;
        await Page.Button($"Delete {Quirin.MaskedName}").ClickAsync();
        await Expect(Page.SuccessMessage()).ToContainTextAsync("was deleted.");
        Page.Dialog -= Accept;

        Assert.Equal($"Delete {Quirin.MaskedName}? The preregistration and its invitation links become invalid.", asked);
        await Expect(Page.RowOf(Quirin.MaskedName)).ToHaveCountAsync(0);
        await Expect(Page.RowOf("A*** V***")).ToHaveCountAsync(1);
        await ScreenshotAsync("prereg-07-deleted");
    }

    [Fact]
    public async Task Dismissing_the_delete_confirmation_keeps_the_row()
    {
        var keep = new TestCustomer("Hedda Ibsen", "H*** I***", "hedda.ibsen@prereg.example", "h***@prereg.example", "+49 1512 3456785", "+49 *** *** 85");
        await SignInAsync(DemoUsers.NorthwindSales);
        await GoToAsync("/CustomerDevelopment");
        await Page.PreregisterAsync(keep, sendInvitation: false);

        void Dismiss(object? sender, IDialog dialog) => _ = dialog.DismissAsync();
        Page.Dialog += Dismiss;
        await Page.Button($"Delete {keep.MaskedName}").ClickAsync();
        Page.Dialog -= Dismiss;

        // Nothing was posted: the page is the same list with the row still there.
        await Expect(Page.RowOf(keep.MaskedName)).ToContainTextAsync("Preregistered");
        await Page.ReloadAsync();
        await Expect(Page.RowOf(keep.MaskedName)).ToContainTextAsync("Preregistered");
    }

    /// <summary>
    /// Names are masked unless the partner reveals them (an audited request), so the message after
    /// a delete must not print the full name either (the Invite messages mask it already).
    /// </summary>
    [Fact]
    public async Task The_delete_message_keeps_the_name_masked()
    {
        await SignInAsync(DemoUsers.NorthwindSales);
        await GoToAsync("/CustomerDevelopment");
        await Page.PreregisterAsync(Karla, sendInvitation: false);
        await Page.ReloadAsync();

        void Accept(object? sender, IDialog dialog) => _ = dialog.AcceptAsync();
        Page.Dialog += Accept;
        await Page.Button($"Delete {Karla.MaskedName}").ClickAsync();
        await Expect(Page.SuccessMessage()).ToContainTextAsync("was deleted.");
        Page.Dialog -= Accept;
        await ScreenshotAsync("prereg-08-delete-message");

        await Expect(Page.SuccessMessage()).ToContainTextAsync($"{Karla.MaskedName} was deleted.");
        await Expect(Page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(Karla.Name);
    }
}
