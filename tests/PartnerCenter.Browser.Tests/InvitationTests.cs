using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PartnerCenter.Browser.Tests;

/// <summary>Issue 4 in the browser: invite one and a batch, preview, link and QR code, the Mailbox.</summary>
[Collection(PortalCollection.Name)]
public sealed class InvitationTests(PortalFixture portal) : BrowserTest(portal)
{
    private static readonly TestCustomer Ulrike = new(
        "Ulrike Vogel", "U*** V***", "ulrike.vogel@invite.example", "u***@invite.example", "+49 1512 3456779", "+49 *** *** 79");

    private static readonly TestCustomer Valentin = new(
        "Valentin Ybarra", "V*** Y***", "valentin.ybarra@invite.example", "v***@invite.example", "+49 1512 3456778", "+49 *** *** 78");

    private static readonly TestCustomer Wilma = new(
        "Wilma Zorn", "W*** Z***", "wilma.zorn@invite.example", "w***@invite.example", "+49 1512 3456777", "+49 *** *** 77");

    [Fact]
    public async Task Partner_invites_by_email_batch_link_and_QR_code_and_the_email_link_opens_the_landing()
    {
        await SignInAsync(DemoUsers.NorthwindSales);
        await ChooseFromMenuAsync("Sales", "Customer Development");
        foreach (var customer in new[] { Ulrike, Valentin, Wilma })
        {
            await Page.PreregisterAsync(customer, sendInvitation: false);
        }

        // Invite one from its row: the dialog, the email preview, OK.
        await Page.Button($"Invite {Ulrike.MaskedName}").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Invite", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync(Words($"Send an association invitation email to {Ulrike.MaskedName} ."));
        await Expect(Page.GetByRole(AriaRole.Radio, new() { Name = "Reseller" })).ToBeCheckedAsync();
        await Expect(Page.GetByRole(AriaRole.Note)).ToContainTextAsync("Invitation links are valid for 7 days");

        var preview = Page.GetByTitle("Invitation email preview");
        await Expect(preview).ToBeHiddenAsync();
        await Page.GetByText("Preview Email", new() { Exact = true }).ClickAsync();
        await Expect(preview).ToBeVisibleAsync();
        var email = preview.ContentFrame;
        await Expect(email.Locator("body")).ToContainTextAsync("Northwind Cloud invites you to become their customer, with the association type Reseller.");
        await Expect(email.GetByRole(AriaRole.Link, new() { Name = "Accept the invitation" })).ToBeVisibleAsync();
        await Expect(email.Locator("body")).ToContainTextAsync(new Regex(@"This link is valid until \d{4}-\d\d-\d\d \d\d:\d\d \(UTC[+-]\d\d:\d\d\)"));
        await ScreenshotAsync("invite-01-dialog-preview");

        await Page.Button("OK").ClickAsync();
        await Expect(Page.SuccessMessage()).ToContainTextAsync($"Invitation email to {Ulrike.MaskedName} is on its way.");
        await Expect(Page.RowOf(Ulrike.MaskedName)).ToContainTextAsync(new Regex("Invitation email (queued|sent)"));

        // Select two rows and invite them as a batch.
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {Valentin.MaskedName}", Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {Wilma.MaskedName}", Exact = true }).CheckAsync();
        await ScreenshotAsync("invite-02-batch-selected");
        await Page.Button("Invite").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Invite", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync(Words("Send an association invitation email to 2 customers ."));
        await Page.GetByText("Customers to invite (2)").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = Valentin.MaskedName })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = Wilma.MaskedName })).ToBeVisibleAsync();
        await ScreenshotAsync("invite-03-batch-dialog");
        await Page.Button("OK").ClickAsync();
        await Expect(Page.SuccessMessage()).ToContainTextAsync("2 invitation emails are on their way.");
        await Expect(Page.RowOf(Valentin.MaskedName)).ToContainTextAsync(new Regex("Invitation email (queued|sent)"));
        await Expect(Page.RowOf(Wilma.MaskedName)).ToContainTextAsync(new Regex("Invitation email (queued|sent)"));
        await ScreenshotAsync("invite-04-batch-sent");

        // Link / QR code: copy the link, download the QR code as PNG and SVG; both decode to the link.
        await Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = Portal.BaseUrl });
        // Opening Link/QR changes nothing: it shows Wilma's current valid link (the one just emailed);
        // New link (confirmed first) replaces it.
        await Page.Link($"Link / QR code for {Wilma.MaskedName}").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Link / QR code", Level = 1 })).ToBeVisibleAsync();
        var emailed = await Page.GetByLabel("Invitation link", new() { Exact = true }).InputValueAsync();
        string? asked = null;
        void Accept(object? sender, IDialog dialog)
        {
            asked = dialog.Message;
            _ = dialog.AcceptAsync();
        }

        Page.Dialog += Accept;
        await Page.Button("New link").ClickAsync();
        await Expect(Page.SuccessMessage()).ToContainTextAsync("New link issued.");
        Page.Dialog -= Accept;
        Assert.Equal($"Issue a new invitation link for {Wilma.MaskedName}? The current link stops working.", asked);
        var url = await Page.GetByLabel("Invitation link", new() { Exact = true }).InputValueAsync();
        Assert.NotEqual(emailed, url);
        await Page.ReloadAsync();
        Assert.Equal(url, await Page.GetByLabel("Invitation link", new() { Exact = true }).InputValueAsync());
        Assert.Matches(new Regex("^" + Regex.Escape(Portal.BaseUrl) + "/invite/[A-Za-z0-9_-]{43}$"), url);
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "QR code of the invitation link" })).ToBeVisibleAsync();

        await Page.Button("Copy").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Link copied to the clipboard.");
        Assert.Equal(url, await Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await ScreenshotAsync("invite-05-link-qr-copied");

        var downloads = TestOutput.Folder("downloads");
        var png = await Page.RunAndWaitForDownloadAsync(() => Page.Link("Download PNG").ClickAsync());
        Assert.Equal("invitation-qr.png", png.SuggestedFilename);
        var pngPath = Path.Combine(downloads, "invitation-qr.png");
        await png.SaveAsAsync(pngPath);
        Assert.Equal(url, await QrDecoder.DecodeAsync(pngPath));

        var svg = await Page.RunAndWaitForDownloadAsync(() => Page.Link("Download SVG").ClickAsync());
        Assert.Equal("invitation-qr.svg", svg.SuggestedFilename);
        var svgPath = Path.Combine(downloads, "invitation-qr.svg");
        await svg.SaveAsAsync(svgPath);
        var svgText = await File.ReadAllTextAsync(svgPath);
        Assert.Equal("svg", XDocument.Parse(svgText).Root!.Name.LocalName);
        Assert.Equal(url, await DecodeSvgAsync(svgText, Path.Combine(downloads, "invitation-qr-svg-rendered.png")));

        // The Mailbox: the email to the first customer, its link opens the invitation landing.
        await Page.Link("Back to Customer Development").ClickAsync();
        await MainNav.GetByRole(AriaRole.Link, new() { Name = "Mailbox", Exact = true }).ClickAsync();
        var message = await Page.WaitForEmailToAsync(Ulrike.Email, TimeSpan.FromSeconds(30));
        await Expect(message).ToContainTextAsync("Northwind Cloud invites you to become their customer");
        await ScreenshotAsync("invite-06-mailbox");
        await message.GetByRole(AriaRole.Link, new() { Name = "Northwind Cloud invites you to become their customer" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Northwind Cloud invites you to become their customer", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync(Ulrike.Email);
        var links = Page.GetByRole(AriaRole.Main).Locator(".pc-card").Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = "Links in this email" }) });
        var invitationLink = links.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + RegexOf(Portal.BaseUrl) + "[/]invite[/]") });
        await Expect(invitationLink).ToHaveCountAsync(1);
        await Expect(Page.GetByTitle("Email (HTML part)").ContentFrame.GetByRole(AriaRole.Link, new() { Name = "Accept the invitation" })).ToBeVisibleAsync();
        await ScreenshotAsync("invite-07-mailbox-message");
        await invitationLink.ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Northwind Cloud invites you to become their customer", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync($"This invitation is for {Ulrike.Email}");
        await ScreenshotAsync("invite-08-landing-from-email");
    }

    /// <summary>
    /// Matches <paramref name="text"/> with any whitespace between its words (the page breaks lines
    /// inside the sentence; a space before the final period is allowed, see the report).
    /// </summary>
    private static Regex Words(string text) =>
        new(string.Join(@"\s*", text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)));

    /// <summary>
    /// A literal for a regex that Playwright passes to the browser as <c>/source/</c>: slashes become
    /// <c>[/]</c>, since an unescaped one would end the pattern there.
    /// </summary>
    private static string RegexOf(string literal) => Regex.Escape(literal).Replace("/", "[/]", StringComparison.Ordinal);

    /// <summary>Draws the downloaded SVG in the browser, white around it, and decodes the picture.</summary>
    private async Task<string> DecodeSvgAsync(string svgText, string renderedPath)
    {
        var drawing = await Context.NewPageAsync();
        await drawing.SetContentAsync(
            "<!DOCTYPE html><html><body style=\"margin:0;background:#fff\"><div id=\"qr\" style=\"width:400px;height:400px;padding:40px;background:#fff\">"
            + svgText + "</div><style>#qr svg{width:400px;height:400px;display:block}</style></body></html>");
        await drawing.Locator("#qr").ScreenshotAsync(new() { Path = renderedPath });
        await drawing.CloseAsync();
        return await QrDecoder.DecodeAsync(renderedPath);
    }
}
