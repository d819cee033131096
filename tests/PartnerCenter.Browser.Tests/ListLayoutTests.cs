namespace PartnerCenter.Browser.Tests;

/// <summary>
/// The partner's lists in an ordinary 1280 px window: every column, the Operation column included,
/// is in view without scrolling the table sideways.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ListLayoutTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task Customer_Development_shows_the_Operation_column_without_sideways_scrolling()
    {
        await SignInAsync(DemoUsers.NorthwindSales);
        await ChooseFromMenuAsync("Sales", "Customer Development");

        // Jonas Weber is a seeded Preregistered record: Invite, Link/QR, Background, History, Delete.
        await AssertInViewAsync(Page.GetByRole(AriaRole.Columnheader, new() { Name = "Operation", Exact = true }));
        await AssertInViewAsync(Page.Button("Delete J*** W***"));
        await AssertInViewAsync(Page.Button("Invite J*** W***"));
        await ScreenshotAsync("layout-customer-development-1280");
        await AssertNoSidewaysScrollingAsync();
    }

    [Fact]
    public async Task Customers_shows_the_Operation_column_without_sideways_scrolling()
    {
        await SignInAsync(DemoUsers.NorthwindSales);
        await ChooseFromMenuAsync("Sales", "Customers");

        // Loyal Customer AG is a seeded associated customer of Northwind.
        await AssertInViewAsync(Page.Link("Adjustment records of L*** C*** A***"));
        await ScreenshotAsync("layout-customers-1280");
        await AssertNoSidewaysScrollingAsync();
    }

    private async Task AssertInViewAsync(ILocator locator)
    {
        await Expect(locator).ToBeAttachedAsync();
        var box = await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("The element has no layout box.");
        var width = Page.ViewportSize!.Width;
        Assert.True(box.X + box.Width <= width,
            $"{locator} ends at x={box.X + box.Width:0}, outside a {width}px window: the partner has to scroll the table sideways to reach it.");
    }

    private async Task AssertNoSidewaysScrollingAsync()
    {
        var overflow = await Page.Locator(".table-responsive").EvaluateAsync<int>("e => e.scrollWidth - e.clientWidth");
        Assert.True(overflow <= 0, $"The table is {overflow}px wider than its box at {Page.ViewportSize!.Width}px.");
    }
}
