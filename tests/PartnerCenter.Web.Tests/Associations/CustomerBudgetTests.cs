using PartnerCenter.Core.Customers;
using static PartnerCenter.Web.Tests.Associations.AssociationKit;

namespace PartnerCenter.Web.Tests.Associations;

/// <summary>After association: Set Budget (row and batch), Unfreeze now, Freeze/Unfreeze with a reason, adjustment records.</summary>
public sealed class CustomerBudgetTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task A_monthly_budget_with_unfreeze_now_unfreezes_the_new_customer_and_is_recorded_with_who_before_and_after()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        using var invited = await InvitedCustomerAsync(app, sales, "Bruno Budget");
        using (var associated = await AssociateAsync(invited.Client, invited.Token))
        {
            await associated.AssertStatusAsync(HttpStatusCode.OK);
        }

        var id = await AccountIdAsync(invited.Email);
        var form = await BudgetFormAsync(sales, id);
        Assert.Contains("For B*** B***", form.MainText, StringComparison.Ordinal);
        Assert.True(form.Document.QuerySelector("#freeze-manual")!.HasAttribute("checked"));
        Assert.False(form.Document.QuerySelector("#UnfreezeNow")!.HasAttribute("checked"));

        using var saved = await sales.SubmitAsync(form, form.FormOfButton("OK"),
            ("Type", "Monthly"), ("Amount", "500"), ("OnExhaustion", "Automatically"), ("UnfreezeNow", "true"));

        await saved.AssertStatusAsync(HttpStatusCode.Redirect);
        var list = await sales.FollowAsync(saved);
        Assert.Contains("Budget saved.", list.Alerts("success"));
        var row = list.RowOf($"input[name='ids'][value='{id}']");
        Assert.Contains("Not frozen", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Monthly 500.00 USD", row.TextContent, StringComparison.Ordinal);
        var account = await AccountAsync(id);
        Assert.Equal((BudgetType.Monthly, 500m, FreezeOnExhaustion.Automatically, false),
            (account.BudgetType, account.BudgetAmount, account.FreezeOnExhaustion, account.IsFrozen));
        var record = await app.WithDbAsync(db => db.BudgetAdjustments.AsNoTracking().SingleAsync(b => b.CustomerAccountId == id));
        Assert.Equal(AdjustmentKind.Budget, record.Kind);
        Assert.Equal("No budget, frozen", record.Before);
        Assert.Equal("Monthly 500.00 USD, freeze automatically, not frozen", record.After);
        Assert.Equal(await app.UserIdAsync(DemoUsers.NorthwindSales), record.ActorUserId);

        var adjustments = await sales.GetPageAsync($"/Customers/Adjustments/{id}");
        adjustments.AssertStatus(HttpStatusCode.OK);
        var cells = adjustments.Document.QuerySelectorAll("main tbody tr").Single().QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Sam Sales", "Budget", "No budget, frozen", "Monthly 500.00 USD, freeze automatically, not frozen", ""], cells.Skip(1));

        // The customer sees it at once.
        var myPartner = await invited.Client.GetPageAsync("/MyPartner");
        Assert.Equal("Not frozen", myPartner.Definition("Account"));
        Assert.StartsWith("Monthly, 500.00 USD", myPartner.Definition("Budget"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_setting_without_unfreeze_now_replaces_the_earlier_one_and_leaves_the_account_frozen()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var id = await AssociatedCustomerAsync("Frieda Frozen");

        await SaveBudgetAsync(sales, id, ("Type", "Monthly"), ("Amount", "100.50"));
        await SaveBudgetAsync(sales, id, ("Type", "OneTime"), ("Amount", "20"));

        var account = await AccountAsync(id);
        Assert.Equal((BudgetType.OneTime, 20m, FreezeOnExhaustion.Manually, true),
            (account.BudgetType, account.BudgetAmount, account.FreezeOnExhaustion, account.IsFrozen));
        var records = await app.WithDbAsync(db => db.BudgetAdjustments.AsNoTracking().Where(b => b.CustomerAccountId == id).OrderBy(b => b.Id).ToListAsync());
        Assert.Equal(2, records.Count);
        Assert.Equal(("No budget, frozen", "Monthly 100.50 USD, freeze manually, frozen"), (records[0].Before, records[0].After));
        Assert.Equal(("Monthly 100.50 USD, freeze manually, frozen", "One-time 20.00 USD, freeze manually, frozen"), (records[1].Before, records[1].After));
        var page = await sales.GetPageAsync($"/Customers/Adjustments/{id}");
        var afters = page.Document.QuerySelectorAll("main tbody tr").Select(tr => tr.QuerySelectorAll("td")[4].TextContent.Trim()).ToList();
        Assert.Equal(["One-time 20.00 USD, freeze manually, frozen", "Monthly 100.50 USD, freeze manually, frozen"], afters);
    }

    [Theory]
    [InlineData("0", "The amount must be greater than 0.")]
    [InlineData("-5", "The amount must be greater than 0.")]
    [InlineData("2147483648", "The amount can be at most 2,147,483,647.")]
    [InlineData("1.234", "The amount can have at most two decimals.")]
    [InlineData("abc", null)]
    [InlineData("", "Enter an amount in USD.")]
    public async Task An_amount_out_of_bounds_or_not_a_number_is_refused_next_to_the_amount_and_nothing_is_saved(string amount, string? message)
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var id = await AssociatedCustomerAsync("Alma Amount");
        var before = await AccountAsync(id);
        var form = await BudgetFormAsync(sales, id);

        using var response = await sales.SubmitAsync(form, form.FormOfButton("OK"),
            ("Type", "Monthly"), ("Amount", amount), ("UnfreezeNow", "true"));

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var page = await HtmlPage.ReadAsync(response);
        Assert.Equal("Set Budget", page.Heading);
        var error = page.FieldError("Amount");
        Assert.NotNull(error);
        if (message is not null)
        {
            Assert.Equal(message, error);
        }

        Assert.Equal(amount, page.InputValue("Amount"));
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), page.InputValue("Ids"));
        var after = await AccountAsync(id);
        Assert.Equal((before.BudgetType, before.BudgetAmount, before.IsFrozen, before.Version), (after.BudgetType, after.BudgetAmount, after.IsFrozen, after.Version));
        Assert.False(await app.WithDbAsync(db => db.BudgetAdjustments.AnyAsync(b => b.CustomerAccountId == id)));
    }

    [Fact]
    public async Task A_budget_without_a_type_is_refused_next_to_the_type()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var id = await AssociatedCustomerAsync("Tara Typeless");
        var form = await BudgetFormAsync(sales, id);

        using var response = await sales.SubmitAsync(form, form.FormOfButton("OK"), ("Amount", "10"));

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Choose Monthly or One-time.", (await HtmlPage.ReadAsync(response)).FieldError("Type"));
        Assert.Equal(BudgetType.None, (await AccountAsync(id)).BudgetType);
    }

    [Theory]
    [InlineData("2147483647", "2147483647")]
    [InlineData("0.01", "0.01")]
    public async Task The_largest_amount_and_one_cent_are_accepted(string amount, string saved)
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var id = await AssociatedCustomerAsync("Max Bounds");

        await SaveBudgetAsync(sales, id, ("Type", "OneTime"), ("Amount", amount));

        Assert.Equal(decimal.Parse(saved, System.Globalization.CultureInfo.InvariantCulture), (await AccountAsync(id)).BudgetAmount);
        Assert.Equal(BudgetType.OneTime, (await AccountAsync(id)).BudgetType);
    }

    [Fact]
    public async Task A_batch_budget_sets_every_selected_customer_and_no_other()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var first = await AssociatedCustomerAsync("Berta Batch");
        var second = await AssociatedCustomerAsync("Bodo Batch");
        var bystander = await AssociatedCustomerAsync("Nina Notselected");

        using var open = await sales.PostFormAsync("/Customers/Budget", ("ids", first.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("ids", second.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await open.AssertStatusAsync(HttpStatusCode.OK);
        var form = await HtmlPage.ReadAsync(open);
        Assert.Contains("For 2 customers", form.MainText, StringComparison.Ordinal);
        using var saved = await sales.SubmitAsync(form, form.FormOfButton("OK"),
            ("Type", "Monthly"), ("Amount", "250"), ("UnfreezeNow", "true"));

        await saved.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("Budget saved for 2 customers.", (await sales.FollowAsync(saved)).Alerts("success"));
        foreach (var id in new[] { first, second })
        {
            var account = await AccountAsync(id);
            Assert.Equal((BudgetType.Monthly, 250m, false), (account.BudgetType, account.BudgetAmount, account.IsFrozen));
            Assert.Equal(1, await app.WithDbAsync(db => db.BudgetAdjustments.CountAsync(b => b.CustomerAccountId == id)));
        }

        var untouched = await AccountAsync(bystander);
        Assert.Equal((BudgetType.None, 0m, true), (untouched.BudgetType, untouched.BudgetAmount, untouched.IsFrozen));
    }

    [Fact]
    public async Task Opening_set_budget_with_nothing_selected_asks_to_select_a_customer()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);

        using var response = await sales.PostFormAsync("/Customers/Budget");

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("Select at least one customer.", (await sales.FollowAsync(response)).Alerts("danger"));
    }

    [Fact]
    public async Task Freeze_and_unfreeze_need_a_reason_of_at_most_256_characters_toggle_the_state_and_are_recorded()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var id = await AssociatedCustomerAsync("Fritz Freeze");

        // Frozen after association: the action is Unfreeze.
        var form = await sales.GetPageAsync($"/Customers/Freeze/{id}");
        form.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Unfreeze F*** F***", form.Heading);
        foreach (var (reason, message) in new[]
                 {
                     ("", "Enter a reason."),
                     ("   ", "Enter a reason."),
                     (new string('r', 257), "The reason can have at most 256 characters."),
                 })
        {
            using var refused = await sales.SubmitAsync(form, form.FormOfButton("Unfreeze"), ("Reason", reason));
            await refused.AssertStatusAsync(HttpStatusCode.OK);
            Assert.Equal(message, (await HtmlPage.ReadAsync(refused)).FieldError("Reason"));
            Assert.True((await AccountAsync(id)).IsFrozen);
            Assert.False(await app.WithDbAsync(db => db.BudgetAdjustments.AnyAsync(b => b.CustomerAccountId == id)));
        }

        var longest = "Budget agreed by phone. " + new string('x', 256 - 24);
        Assert.Equal(256, longest.Length);
        using var unfrozen = await sales.SubmitAsync(form, form.FormOfButton("Unfreeze"), ("Reason", longest));
        await unfrozen.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("F*** F*** is unfrozen.", (await sales.FollowAsync(unfrozen)).Alerts("success"));
        Assert.False((await AccountAsync(id)).IsFrozen);

        var freezeForm = await sales.GetPageAsync($"/Customers/Freeze/{id}");
        Assert.Equal("Freeze F*** F***", freezeForm.Heading);
        using var frozen = await sales.SubmitAsync(freezeForm, freezeForm.FormOfButton("Freeze"), ("Reason", "  Invoice overdue  "));
        await frozen.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("F*** F*** is frozen.", (await sales.FollowAsync(frozen)).Alerts("success"));
        Assert.True((await AccountAsync(id)).IsFrozen);

        var records = await sales.GetPageAsync($"/Customers/Adjustments/{id}");
        var rows = records.Document.QuerySelectorAll("main tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Skip(1).Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["Sam Sales", "Freeze", "No budget, not frozen", "No budget, frozen", "Invoice overdue"], rows[0]);
        Assert.Equal(["Sam Sales", "Unfreeze", "No budget, frozen", "No budget, not frozen", longest], rows[1]);
    }

    [Fact]
    public async Task Submitting_unfreeze_twice_by_a_double_click_or_a_second_tab_leaves_the_account_unfrozen()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var id = await AssociatedCustomerAsync("Susi Stale");
        var form = await sales.GetPageAsync($"/Customers/Freeze/{id}");
        Assert.Equal("Unfreeze S*** S***", form.Heading);
        using (var first = await sales.SubmitAsync(form, form.FormOfButton("Unfreeze"), ("Reason", "Budget set")))
        {
            await first.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        // The same Unfreeze form again: the partner asked to unfreeze, never to freeze.
        using var second = await sales.SubmitAsync(form, form.FormOfButton("Unfreeze"), ("Reason", "Budget set"));

        Assert.False((await AccountAsync(id)).IsFrozen, $"The second Unfreeze froze the account again ({(int)second.StatusCode}).");
        Assert.Equal(1, await app.WithDbAsync(db => db.BudgetAdjustments.CountAsync(b => b.CustomerAccountId == id)));
    }

    [Theory, AllEngines]
    public async Task Two_partner_users_setting_a_budget_at_the_same_moment_both_get_an_answer_and_the_records_match_the_account(DatabaseEngine engine)
    {
        // An app of its own: the race runs on each engine.
        await using var own = new TestApp { Engine = engine };
        using var sales = await own.SignedInClientAsync(DemoUsers.NorthwindSales);
        using var admin = await own.SignedInClientAsync(DemoUsers.NorthwindAdmin);
        var id = await AssociatedCustomerAsync("Conny Concurrent", own);
        var forms = new[] { await BudgetFormAsync(sales, id), await BudgetFormAsync(admin, id), await BudgetFormAsync(sales, id), await BudgetFormAsync(admin, id) };
        var clients = new[] { sales, admin, sales, admin };

        var responses = await Task.WhenAll(forms.Select((form, i) => clients[i].SubmitAsync(form, form.FormOfButton("OK"),
            ("Type", "Monthly"), ("Amount", (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("UnfreezeNow", "true"))));
        var pages = new List<HtmlPage>();
        foreach (var response in responses)
        {
            using (response)
            {
                pages.Add(await HtmlPage.ReadAsync(response));
            }
        }

        // Each request is either saved or told (a flash message) that someone else changed the customer
        // first; none fails with a server error.
        Assert.All(pages, p => Assert.True(p.Status is HttpStatusCode.Redirect,
            $"{(int)p.Status} {p.Status}: {p.MainText[..Math.Min(200, p.MainText.Length)]}"));
        var account = await AccountAsync(id, own);
        var records = await own.WithDbAsync(db => db.BudgetAdjustments.AsNoTracking().Where(b => b.CustomerAccountId == id).OrderBy(b => b.Id).ToListAsync());

        // No lost update: every saved change started from the state the one before it left.
        Assert.InRange(records.Count, 1, forms.Length);
        Assert.All(records.Skip(1).Zip(records), pair => Assert.Equal(pair.Second.After, pair.First.Before));
        Assert.Equal(account.Describe(), records[^1].After);
    }

    private async Task<HtmlPage> BudgetFormAsync(PartnerCenterClient partner, int id)
    {
        using var response = await partner.PostFormAsync("/Customers/Budget", ("ids", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var page = await HtmlPage.ReadAsync(response);
        return page.AssertStatus(HttpStatusCode.OK);
    }

    private async Task SaveBudgetAsync(PartnerCenterClient partner, int id, params (string Name, string? Value)[] values)
    {
        var form = await BudgetFormAsync(partner, id);
        using var response = await partner.SubmitAsync(form, form.FormOfButton("OK"), values);
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
    }

    /// <summary>A Northwind customer as association leaves it: frozen, no budget (the association itself is tested elsewhere).</summary>
    private Task<int> AssociatedCustomerAsync(string name, TestApp? on = null) =>
        (on ?? app).WithDbAsync(async db =>
        {
            var northwind = await db.Partners.Where(p => p.Name == Northwind).Select(p => p.Id).SingleAsync();
            var now = (on ?? app).Now;
            var account = new CustomerAccount
            {
                Email = NewEmail(name.Split(' ')[0].ToLowerInvariant()),
                Name = name,
                CountryCode = "DE",
                RegisteredAt = now.AddDays(-1),
            };
            Assert.True(account.AssociateWith(northwind, now, frozen: true).IsSuccess);
            db.CustomerAccounts.Add(account);
            await db.SaveChangesAsync();
            return account.Id;
        });

    private Task<int> AccountIdAsync(string email) =>
        app.WithDbAsync(db => db.CustomerAccounts.Where(a => a.Email == email).Select(a => a.Id).SingleAsync());

    private Task<CustomerAccount> AccountAsync(int id, TestApp? on = null) =>
        (on ?? app).WithDbAsync(db => db.CustomerAccounts.AsNoTracking().SingleAsync(a => a.Id == id));
}
