using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Infrastructure.Data;

namespace PartnerCenter.Browser.Tests;

/// <summary>Its own app and browser: these tests rename Northwind, which the shared demo data must not see.</summary>
[CollectionDefinition(Name)]
public sealed class StoredMarkupCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Stored markup";
}

/// <summary>
/// Markup stored in names renders as text everywhere it is shown, the emails included: no
/// dialog opens, no injected element exists, and (BrowserTest) no CSP violation or script error.
/// </summary>
[Collection(StoredMarkupCollection.Name)]
public sealed class StoredMarkupTests(PortalFixture portal) : BrowserTest(portal)
{
    private const string CustomerName = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    private const string PartnerName = "Northwind <img src=x onerror=alert(3)><script>alert(4)</script>";
    private const string CustomerEmail = "markup@prospects.example";
    private const string FormName = "<svg onload=alert(5)></svg><b>Form</b> Markup";
    private const string FormEmail = "markup.form@prospects.example";
    private const string ReviewEmail = "markup.review@prospects.example";

    private readonly List<string> dialogs = [];

    [Fact]
    public async Task Markup_in_customer_and_partner_names_is_text_on_every_page_and_in_the_emails()
    {
        var (id, pendingId, token) = await StoreMarkupAsync();
        Page.Dialog += OnDialog;

        await SignInAsync(DemoUsers.NorthwindSales);
        await CheckAsync(Page, "/");

        // A name with markup through the Preregister form too.
        await GoToAsync("/CustomerDevelopment");
        await Page.Link("Preregister Customer").ClickAsync();
        await Page.FillPreregistrationAsync(new TestCustomer(FormName, "", FormEmail, "", "+49 1512 3456796", ""), sendInvitation: false);
        await Page.Button("OK").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Customer Development", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.SuccessMessage()).ToContainTextAsync($"{FormName} is preregistered");
        var formId = await RecordIdAsync(FormEmail);

        // The list with names revealed.
        await Page.Locator("button[form='reveal-Name']").First.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync(CustomerName);
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync(FormName);
        await CheckAsync(Page, null);

        // The invite dialog, its email preview, and OK.
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = CustomerName });
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Invite ") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Invite", Level = 1 })).ToBeVisibleAsync();
        await Page.GetByText("Preview Email", new() { Exact = true }).ClickAsync();
        var preview = Page.GetByTitle("Invitation email preview");
        await Expect(preview).ToBeVisibleAsync();
        await Expect(preview.ContentFrame.Locator("body")).ToContainTextAsync("Northwind <img src=x");
        await CheckAsync(Page, null);
        await ScreenshotAsync("stored-markup-01-invite-dialog");
        await Page.GetByRole(AriaRole.Button, new() { Name = "OK", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Customer Development", Level = 1 })).ToBeVisibleAsync();

        foreach (var path in new[] { $"/Invitations/Preview/{id}", $"/Invitations/History/{id}", "/CustomerDevelopment/History", "/Customers", "/PartnerInformation/AccountInformation" })
        {
            await CheckAsync(Page, path);
        }

        // The Mailbox list, the message and its HTML frame.
        var mail = await Page.WaitForEmailToAsync(CustomerEmail, TimeSpan.FromSeconds(30));
        await CheckAsync(Page, null);
        await mail.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(Page.Locator("iframe")).ToHaveCountAsync(1);
        await Expect(Page.Locator("iframe").ContentFrame.Locator("body")).ToContainTextAsync("Northwind <img src=x");
        await CheckAsync(Page, null);
        await ScreenshotAsync("stored-markup-02-mailbox-message");

        // The invitation landing and registration, anonymous.
        var visitor = await OpenSecondPersonAsync();
        visitor.Dialog += OnDialog;
        await CheckAsync(visitor, $"/invite/{token}");
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("Northwind <img src=x");
        await CheckAsync(visitor, $"/invite/{token}/register");

        // The ecosystem manager's review queue, reject form, lookup and audit trail.
        var manager = await OpenSecondPersonAsync();
        manager.Dialog += OnDialog;
        await manager.GotoAsync("/Account/SignIn");
        await manager.GetByLabel("Email address", new() { Exact = true }).FillAsync(DemoUsers.EcosystemManager);
        await manager.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoUsers.Password);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        foreach (var path in new[] { "/Ecosystem", "/Ecosystem/Reviews", $"/Ecosystem/Reject/{pendingId}", $"/Ecosystem/Lookup?email={Uri.EscapeDataString(CustomerEmail)}",
                     $"/Ecosystem/Lookup?email={Uri.EscapeDataString(ReviewEmail)}", $"/Audit/Preregistration/{formId}", "/Ecosystem/Tickets" })
        {
            await CheckAsync(manager, path);
        }

        await Expect(manager.GetByRole(AriaRole.Main)).Not.ToBeEmptyAsync();
        await ScreenshotAsync(manager, "stored-markup-03-em");
        Assert.Empty(dialogs);
    }

    private void OnDialog(object? sender, IDialog dialog)
    {
        lock (dialogs)
        {
            dialogs.Add($"{dialog.Type}: {dialog.Message}");
        }

        _ = dialog.DismissAsync();
    }

    /// <summary>Opens the page (when given) and checks it and its frames hold no injected element.</summary>
    private async Task CheckAsync(IPage page, string? path)
    {
        if (path is not null)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response is { Status: < 500 }, $"{path} answered {response?.Status}");
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        foreach (var frame in page.Frames)
        {
            var injected = await frame.Locator("img[src='x'], script:not([src]), svg[onload], b").CountAsync();
            Assert.True(injected == 0, $"{frame.Url}: {injected} injected element(s)");
        }

        lock (dialogs)
        {
            Assert.True(dialogs.Count == 0, $"{page.Url}: dialog opened: {string.Join("; ", dialogs)}");
        }
    }

    private async Task<Guid> RecordIdAsync(string email)
    {
        await using var scope = Portal.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Preregistrations.Where(p => p.CustomerEmail == email).Select(p => p.Id).SingleAsync();
    }

    /// <summary>The markup goes in through the app's own database context, as an import or old row would.</summary>
    private async Task<(Guid Id, Guid PendingId, string Token)> StoreMarkupAsync()
    {
        await using var scope = Portal.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var northwind = await db.Partners.SingleAsync(p => p.Name == "Northwind Cloud");
        northwind.Name = PartnerName;
        Assert.True(MobileNumber.TryParse("+4915123456797", out var mobile));
        var record = Preregistration.Submit(northwind.Id, CustomerEmail, CustomerName, mobile!, false, ReviewTrigger.None, null, now);
        var pending = Preregistration.Submit(northwind.Id, ReviewEmail, CustomerName, mobile!, false, ReviewTrigger.Country, null, now, now.AddDays(2));
        db.Preregistrations.AddRange(record, pending);
        await db.SaveChangesAsync();
        var token = Invitation.NewToken();
        var invitation = Invitation.Issue(record, InvitationChannel.Link, token, scope.ServiceProvider.GetRequiredService<ITokenProtector>().Protect(token), Invitation.ExpiryFor(record.ExpiresAt, Invitation.DefaultLifetime, now), null, now);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        return (record.Id, pending.Id, token);
    }
}
