using System.Text.RegularExpressions;

namespace PartnerCenter.Browser.Tests;

/// <summary>
/// The manual-review loop in two browsers: the partner's sales user submits a customer for review,
/// the ecosystem manager (a second browser context) decides, and the partner reads the outcome in
/// the list and the invitation in the Mailbox. Customers are fresh per test, so the shared demo data
/// stays as other suites expect it.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ReviewJourneyTests(PortalFixture portal) : BrowserTest(portal)
{
    private const string Northwind = "Northwind Cloud";

    /// <summary>A Brazilian mobile number: Northwind develops business only in Germany, so a review is needed.</summary>
    private const string BrazilianMobile = "+55 11 91234 5677";

    [Fact]
    public async Task Manager_approves_a_review_and_the_partner_sees_Preregistered_and_the_invitation_in_the_Mailbox()
    {
        var (name, email) = NewCustomer("Rosa");
        await SignInAsync(DemoUsers.NorthwindSales);
        await SubmitForReviewAsync(name, email, sendInvitation: true, "review-1-offered");
        var pending = await PartnerRowAsync(email);
        await Expect(pending).ToContainTextAsync("Pending review");
        await Expect(pending).ToContainTextAsync(new Regex(@"Decision due \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(UTC[+-]\d{2}:\d{2}\)"));
        await ScreenshotAsync("review-2-partner-pending");

        await using (var manager = await ManagerAsync())
        {
            var row = await manager.QueueRowAsync(name);
            await Expect(row).ToContainTextAsync(Northwind);
            await Expect(row).ToContainTextAsync(email);
            // The manager reads about the partner's countries, never "your".
            await Expect(row).ToContainTextAsync("Customer's country is outside the partner's business countries");
            await Expect(row).Not.ToContainTextAsync("your business countries");
            await Expect(row.GetByTestId("time-left")).ToHaveTextAsync(new Regex(@"^\s*(\d+ d \d+ h|\d+ h \d+ min) left\s*$"));
            await manager.ScreenshotAsync("review-3-manager-queue");

            var asked = await manager.AcceptingConfirmAsync(() =>
                row.GetByRole(AriaRole.Button, new() { Name = $"Approve {name}", Exact = true }).ClickAsync());

            Assert.Equal($"Approve the preregistration of {name} for {Northwind}?", asked);
            await Expect(manager.Page.GetByRole(AriaRole.Status))
                .ToContainTextAsync($"Approved: {name} is Preregistered for 15 days and the partner was told.");
            await Expect(manager.Page.GetByRole(AriaRole.Button, new() { Name = $"Approve {name}", Exact = true })).ToHaveCountAsync(0);
            await manager.ScreenshotAsync("review-4-manager-approved");
        }

        var approved = await PartnerRowAsync(email);
        await Expect(approved).ToContainTextAsync("Preregistered");
        await Expect(approved).Not.ToContainTextAsync("Pending review");
        await Expect(approved).ToContainTextAsync("Expires in 15 days");
        await Expect(approved).ToContainTextAsync(new Regex("Invitation email (queued|sent)"));
        await ScreenshotAsync("review-5-partner-preregistered");

        var invitation = await WaitForMailAsync(email, "Northwind Cloud invites you to become their customer");
        await Expect(await WaitForMailAsync("partners@northwind.example", $"Preregistration of {name} approved")).ToBeVisibleAsync();
        await ScreenshotAsync("review-6-mailbox");
        await invitation.GetByRole(AriaRole.Link, new() { Name = "Northwind Cloud invites you to become their customer" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Northwind Cloud invites you to become their customer" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync(email);
        await Expect(Page.GetByRole(AriaRole.Main).Locator("a[href*='/invite/']")).ToHaveCountAsync(1);
        await ScreenshotAsync("review-7-invitation-email");
    }

    [Fact]
    public async Task Manager_rejects_a_review_with_a_reason_the_partner_then_reads_in_the_list()
    {
        const string reason = "Brazilian customers are served by our partner in São Paulo.";
        var (name, email) = NewCustomer("Rita");
        await SignInAsync(DemoUsers.NorthwindSales);
        await SubmitForReviewAsync(name, email, sendInvitation: false, "reject-1-offered");

        await using (var manager = await ManagerAsync())
        {
            await manager.RejectAsync(name, reason, "reject");
        }

        var rejected = await PartnerRowAsync(email);
        await Expect(rejected).ToContainTextAsync("Rejected");
        await Expect(rejected).ToContainTextAsync($"Reason: {reason}");
        await ScreenshotAsync("reject-5-partner-reads-reason");
        await Expect(await WaitForMailAsync("partners@northwind.example", $"Preregistration of {name} rejected")).ToBeVisibleAsync();
    }

    /// <summary>
    /// The partner reads the decision email in the Mailbox, its HTML part included. Fails today: the
    /// app-wide security headers (SecurityHeaders.UseSecurityHeaders, set in Response.OnStarting)
    /// overwrite the "frame-ancestors 'self'" policy MailboxController.Html sets, so the browser
    /// refuses the frame ("frame-ancestors 'none'") and logs a console error.
    /// </summary>
    [Fact]
    public async Task The_partner_reads_the_decision_email_with_its_HTML_part_in_the_Mailbox()
    {
        const string reason = "The customer is already in talks with our direct sales team.";
        var (name, email) = NewCustomer("Hilda");
        await SignInAsync(DemoUsers.NorthwindSales);
        await SubmitForReviewAsync(name, email, sendInvitation: false, "decision-email-1-offered");
        await using (var manager = await ManagerAsync())
        {
            await manager.RejectAsync(name, reason, "decision-email");
        }

        var row = await WaitForMailAsync("partners@northwind.example", $"Preregistration of {name} rejected");
        await row.GetByRole(AriaRole.Link, new() { Name = $"Preregistration of {name} rejected", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Preregistration of {name} rejected" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main).Locator("pre")).ToContainTextAsync($"Reason: {reason}");
        var html = Page.FrameLocator("iframe[title='Email (HTML part)']").Locator("body");
        try
        {
            await Expect(html).ToContainTextAsync($"Reason: {reason}", new() { Timeout = 5_000 });
        }
        finally
        {
            await ScreenshotAsync("decision-email-5-mailbox-message");
        }
    }

    /// <summary>
    /// A user (and a screen reader) finds the fields of the review request by their labels. Fails
    /// today: Preregister.cshtml renders <c>label for="Form_FullName"</c> (asp-for="Form.FullName")
    /// while the input's id is "FullName"; the same for Email and Mobile.
    /// </summary>
    [Fact]
    public async Task The_partner_reaches_each_field_of_the_request_by_its_label()
    {
        await SignInAsync(DemoUsers.NorthwindSales);
        await GoToAsync("/CustomerDevelopment/Preregister");

        foreach (var (label, id) in new[] { ("Full name", "FullName"), ("Email address", "Email"), ("Mobile number", "Mobile") })
        {
            await Expect(Page.GetByLabel(label, new() { Exact = true })).ToHaveAttributeAsync("id", id, new() { Timeout = 2_000 });
            await Expect(Page.GetByRole(AriaRole.Textbox, new() { Name = label, Exact = true })).ToHaveCountAsync(1, new() { Timeout = 2_000 });
        }
    }

    [Fact]
    public async Task Manager_returns_a_review_to_the_partner_who_corrects_the_mobile_and_resubmits_it()
    {
        const string comment = "This number is a landline; give the customer's mobile number.";
        var (name, email) = NewCustomer("Rhea");
        await SignInAsync(DemoUsers.NorthwindSales);
        await SubmitForReviewAsync(name, email, sendInvitation: false, "return-1-offered");

        await using (var manager = await ManagerAsync())
        {
            var row = await manager.QueueRowAsync(name);
            await row.GetByRole(AriaRole.Link, new() { Name = $"Return to partner: {name}", Exact = true }).ClickAsync();
            await Expect(manager.Page.GetByRole(AriaRole.Heading, new() { Name = "Return to partner", Level = 1 })).ToBeVisibleAsync();
            var submit = manager.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Return to partner", Exact = true });
            await submit.ClickAsync();
            await Expect(manager.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Choose the fields the partner must correct.");
            await Expect(manager.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Enter the comment the partner will read.");
            await AssertCleanAsync(manager.Page, "return-form");
            await manager.ScreenshotAsync("return-2-manager-form-errors");

            await manager.Page.GetByRole(AriaRole.Group, new() { Name = "Fields to correct" }).GetByLabel("Mobile number", new() { Exact = true }).CheckAsync();
            await manager.Page.GetByLabel("Comment (the partner reads it)").FillAsync(comment);
            await submit.ClickAsync();
            await Expect(manager.Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Returned to partner: {name} is Action required until the partner resubmits it.");
            await manager.ScreenshotAsync("return-3-manager-returned");
        }

        var returned = await PartnerRowAsync(email);
        await Expect(returned).ToContainTextAsync("Action required");
        await Expect(returned).ToContainTextAsync($"Comment: {comment}");
        await Expect(returned).ToContainTextAsync("Correct: Mobile number");
        await ScreenshotAsync("return-4-partner-action-required");

        await returned.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Correct and resubmit ") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Correct and resubmit", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Full name", new() { Exact = true })).Not.ToBeEditableAsync();
        await Expect(Page.GetByLabel("Email address", new() { Exact = true })).Not.ToBeEditableAsync();
        var mobile = Page.GetByLabel("Mobile number", new() { Exact = true });
        await Expect(mobile).ToBeEditableAsync();
        await AssertCleanAsync(Page, "resubmit-form");
        await mobile.FillAsync("+55 11 98765 4321");
        await ScreenshotAsync("return-5-partner-corrects");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Resubmit", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status))
            .ToContainTextAsync($"{name} was resubmitted for manual review. An ecosystem manager decides within 2 working days.");

        var pending = await PartnerRowAsync(email);
        await Expect(pending).ToContainTextAsync("Pending review");
        await ScreenshotAsync("return-6-partner-resubmitted");
        await using (var manager = await ManagerAsync())
        {
            var row = await manager.QueueRowAsync(name);
            await Expect(row).ToContainTextAsync("Resubmitted");
            await manager.ScreenshotAsync("return-7-manager-queue-resubmitted");
        }
    }

    /// <summary>axe (serious and critical) and vnu on the page as it is now.</summary>
    private static async Task AssertCleanAsync(IPage page, string name)
    {
        Assert.Empty(await PageCheckers.AxeAsync(page));
        var file = Path.Combine(TestOutput.Folder("html"), name + ".html");
        await File.WriteAllTextAsync(file, await page.ContentAsync());
        var errors = await PageCheckers.VnuAsync([file]);
        Assert.Empty(errors.SelectMany(e => e.Value));
    }

    /// <summary>A unique customer name (letters only) and a fresh email address.</summary>
    private static (string Name, string Email) NewCustomer(string first)
    {
        var letters = string.Concat(Guid.NewGuid().ToByteArray().Take(6).Select(b => (char)('a' + (b % 26))));
        var last = char.ToUpperInvariant(letters[0]) + letters[1..];
        return ($"{first} {last}", $"{first.ToLowerInvariant()}.{letters}@prospects.example");
    }

    /// <summary>Preregister Customer, OK, then "Submit for manual review" on the review offer.</summary>
    private async Task SubmitForReviewAsync(string name, string email, bool sendInvitation, string screenshot)
    {
        await ChooseFromMenuAsync("Sales", "Customer Development");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Preregister Customer", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Preregister Customer", Level = 1 })).ToBeVisibleAsync();
        // By id, not by label: the labels point at ids the inputs do not have (see the label test below).
        await Page.Locator("#FullName").FillAsync(name);
        await Page.Locator("#Email").FillAsync(email);
        await Page.Locator("#Mobile").FillAsync(BrazilianMobile);
        await Page.GetByRole(AriaRole.Group, new() { Name = "Send invitation link" })
            .GetByLabel(sendInvitation ? "Yes" : "No", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "OK", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "This customer needs a manual review" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "manual review" }))
            .ToContainTextAsync("Customer's country is outside your business countries");
        await ScreenshotAsync(screenshot);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit for manual review", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status))
            .ToContainTextAsync($"{name} was submitted for manual review. An ecosystem manager decides within 2 working days.");
    }

    /// <summary>The partner's list searched by the exact email: the one row of that customer.</summary>
    private async Task<ILocator> PartnerRowAsync(string email)
    {
        await GoToAsync("/CustomerDevelopment");
        await Page.GetByLabel("Search by exact email or by name").FillAsync(email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var rows = Page.Locator("main table tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        return rows.First;
    }

    /// <summary>
    /// The Mailbox row of an email: the dispatcher sends every couple of seconds, so the page is
    /// reloaded until the row is there, for at most about half a minute.
    /// </summary>
    private async Task<ILocator> WaitForMailAsync(string to, string subject)
    {
        var row = Page.Locator("main table tbody tr").Filter(new() { HasText = to })
            .Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = subject, Exact = true }) }).First;
        for (var attempt = 1; ; attempt++)
        {
            await GoToAsync("/Mailbox");
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Mailbox", Level = 1 })).ToBeVisibleAsync();
            try
            {
                await row.WaitForAsync(new() { Timeout = 2_000 });
                return row;
            }
            catch (TimeoutException) when (attempt < 15)
            {
                // Not sent yet: look again.
            }
        }
    }

    /// <summary>Erika Meyer signed in on a browser of her own.</summary>
    private async Task<ManagerBrowser> ManagerAsync()
    {
        var context = await NewContextAsync();
        var manager = new ManagerBrowser(context, await context.NewPageAsync());
        await manager.SignInAsync(DemoUsers.EcosystemManager);
        return manager;
    }

    /// <summary>The ecosystem manager's own context, failing on console errors as the base class does for the partner's.</summary>
    private sealed class ManagerBrowser : IAsyncDisposable
    {
        private readonly IBrowserContext context;
        private readonly List<string> errors = [];

        public ManagerBrowser(IBrowserContext context, IPage page)
        {
            this.context = context;
            Page = page;
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    Record($"console error on {page.Url}: {message.Text}");
                }
            };
            page.PageError += (_, error) => Record($"uncaught exception on {page.Url}: {error}");
        }

        public IPage Page { get; }

        public async Task SignInAsync(string email)
        {
            await Page.GotoAsync("/Account/SignIn");
            await Page.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
            await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoUsers.Password);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        }

        /// <summary>Opens Manual reviews from the top navigation and returns the customer's row.</summary>
        public async Task<ILocator> QueueRowAsync(string customerName)
        {
            await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Manual reviews", Exact = true }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Manual reviews", Level = 1 })).ToBeVisibleAsync();
            var row = Page.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Button, new() { Name = $"Approve {customerName}", Exact = true }) });
            await Expect(row).ToHaveCountAsync(1);
            return row;
        }

        /// <summary>Opens Reject from the customer's row, is told a reason is needed, gives one and rejects.</summary>
        public async Task RejectAsync(string customerName, string reason, string screenshots)
        {
            var row = await QueueRowAsync(customerName);
            await row.GetByRole(AriaRole.Link, new() { Name = $"Reject {customerName}", Exact = true }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Reject the preregistration" })).ToBeVisibleAsync();
            await ScreenshotAsync($"{screenshots}-2-form");

            var submit = Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true });
            await submit.ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Enter the reason the partner will read.");
            await ScreenshotAsync($"{screenshots}-3-reason-required");

            await Page.GetByLabel("Reason (the partner reads it)").FillAsync(reason);
            await submit.ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Rejected: the partner was told why.");
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Manual reviews", Level = 1 })).ToBeVisibleAsync();
            await Expect(Page.GetByRole(AriaRole.Link, new() { Name = $"Reject {customerName}", Exact = true })).ToHaveCountAsync(0);
            await ScreenshotAsync($"{screenshots}-4-manager-rejected");
        }

        /// <summary>Runs an action that asks window.confirm, accepts it, and returns the question asked.</summary>
        public async Task<string> AcceptingConfirmAsync(Func<Task> action)
        {
            var asked = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            async void Accept(object? sender, IDialog dialog)
            {
                asked.TrySetResult(dialog.Message);
                await dialog.AcceptAsync();
            }

            Page.Dialog += Accept;
            try
            {
                await action();
                return await asked.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }
            finally
            {
                Page.Dialog -= Accept;
            }
        }

        public Task ScreenshotAsync(string name) => Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(TestOutput.Folder("screenshots"), name + ".png"),
            FullPage = true,
        });

        public async ValueTask DisposeAsync()
        {
            await context.CloseAsync();
            string[] seen;
            lock (errors)
            {
                seen = [.. errors];
            }

            if (seen.Length > 0)
            {
                Assert.Fail("The ecosystem manager's browser reported errors:" + Environment.NewLine + string.Join(Environment.NewLine, seen));
            }
        }

        private void Record(string error)
        {
            lock (errors)
            {
                errors.Add(error);
            }
        }
    }
}
