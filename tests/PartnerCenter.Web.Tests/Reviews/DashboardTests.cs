using System.Globalization;
using AngleSharp.Dom;
using static PartnerCenter.Web.Tests.Associations.AssociationKit;

namespace PartnerCenter.Web.Tests.Reviews;

/// <summary>
/// The ecosystem manager's dashboard on a fake clock: per partner, counts by status drawn as a chart,
/// reviews due today and overdue, and the association rate of the last 30 days' invitations.
/// One test: the clock only moves forward.
/// </summary>
public sealed class DashboardTests(FakeClockApp app) : AppTest<FakeClockApp>(app)
{
    private static readonly string[] Statuses = ["Pending review", "Preregistered", "Rejected", "Expired", "Associated", "Deleted"];

    [Fact]
    public async Task Counts_per_partner_are_drawn_as_a_chart_with_reviews_due_and_the_association_rate()
    {
        // Friday 09:30: one invitation used (an association), one not.
        using (var sales = await App.SignedInClientAsync(DemoUsers.NorthwindSales))
        {
            using var invited = await InvitedCustomerAsync(App, sales, "Asta Associated");
            using var associated = await AssociateAsync(invited.Client, invited.Token);
            await associated.AssertStatusAsync(HttpStatusCode.OK);
            await CreateLinkAsync(sales, await PreregistrationIdAsync(App, "anna.schmidt@prospects.example"));
        }

        var friday = await DashboardAsync();
        Assert.Equal(["Contoso Reseller", "Fabrikam Partners", "Northwind Cloud", "Tailspin Prepaid"], friday.Keys.Order().ToList());
        Assert.Equal(Counts(pending: 1, preregistered: 2, rejected: 1, expired: 1, associated: 1, deleted: 1), friday["Northwind Cloud"].Bars);
        Assert.Equal(Counts(pending: 1, preregistered: 1), friday["Contoso Reseller"].Bars);
        Assert.Equal((0, 1), (friday["Contoso Reseller"].DueToday, friday["Contoso Reseller"].Overdue));
        Assert.Equal(Counts(), friday["Fabrikam Partners"].Bars);
        Assert.Equal(Counts(), friday["Tailspin Prepaid"].Bars);
        Assert.Equal((0, 0), (friday["Northwind Cloud"].DueToday, friday["Northwind Cloud"].Overdue));
        Assert.Contains("(1 of 2 invitations)", friday["Northwind Cloud"].Summary, StringComparison.Ordinal);
        Assert.StartsWith("50", friday["Northwind Cloud"].Rate, StringComparison.Ordinal);
        Assert.Contains("(0 of 0 invitations)", friday["Contoso Reseller"].Summary, StringComparison.Ordinal);

        // Monday 08:00: the seeded Pedro Silva (due 09:30) is due today.
        App.Clock.SetUtcNow(new DateTimeOffset(2031, 3, 17, 8, 0, 0, TimeSpan.Zero));
        var mondayMorning = (await DashboardAsync())["Northwind Cloud"];
        Assert.Equal((1, 0), (mondayMorning.DueToday, mondayMorning.Overdue));

        // Monday 10:00: Pedro is overdue; Jonas Weber's 15 days (from 2031-03-02 09:30) have run out.
        App.Clock.SetUtcNow(new DateTimeOffset(2031, 3, 17, 10, 0, 0, TimeSpan.Zero));
        var mondayLater = (await DashboardAsync())["Northwind Cloud"];
        Assert.Equal((0, 1), (mondayLater.DueToday, mondayLater.Overdue));
        Assert.Equal(Counts(pending: 1, preregistered: 1, rejected: 1, expired: 2, associated: 1, deleted: 1), mondayLater.Bars);
        Assert.Contains("text-danger", mondayLater.OverdueClass, StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, PartnerCard>> DashboardAsync()
    {
        var em = await SignInAsync(DemoUsers.EcosystemManager);
        var page = await em.GetPageAsync("/Ecosystem");
        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Dashboard", page.Heading);
        var cards = new Dictionary<string, PartnerCard>();
        foreach (var section in page.Document.QuerySelectorAll("main section[aria-labelledby^='partner-']"))
        {
            var name = section.QuerySelector("h2")!.TextContent.Trim();
            var chart = section.QuerySelector("svg[role='img']") ?? throw new InvalidOperationException($"No chart for {name}.");
            Assert.Equal($"Preregistrations of {name} by status", chart.GetAttribute("aria-label"));
            Assert.Equal($"Preregistrations of {name} by status", chart.QuerySelector("title")?.TextContent.Trim());
            var bars = chart.QuerySelectorAll("g").ToDictionary(
                g => g.QuerySelector(".chart-label")!.TextContent.Trim(),
                g => int.Parse(g.QuerySelector(".chart-value")!.TextContent.Trim(), CultureInfo.InvariantCulture));
            AssertBarsAreProportional(chart, bars);
            var strong = section.QuerySelectorAll("p strong").ToList();
            cards[name] = new PartnerCard(
                bars,
                int.Parse(strong[0].TextContent.Trim(), CultureInfo.InvariantCulture),
                int.Parse(strong[1].TextContent.Trim(), CultureInfo.InvariantCulture),
                strong[1].ClassName ?? "",
                strong[2].TextContent.Trim(),
                ReviewKit.Collapse(section.QuerySelector("p")!.TextContent));
        }

        return cards;
    }

    /// <summary>A longer bar for a larger count, the same length for the same count.</summary>
    private static void AssertBarsAreProportional(IElement chart, Dictionary<string, int> bars)
    {
        var widths = chart.QuerySelectorAll("g").ToDictionary(
            g => g.QuerySelector(".chart-label")!.TextContent.Trim(),
            g => double.Parse(g.QuerySelector("rect")!.GetAttribute("width")!, CultureInfo.InvariantCulture));
        foreach (var (a, countA) in bars)
        {
            foreach (var (b, countB) in bars)
            {
                Assert.Equal(countA.CompareTo(countB), widths[a].CompareTo(widths[b]));
            }
        }
    }

    private static Dictionary<string, int> Counts(
        int pending = 0, int preregistered = 0, int rejected = 0, int expired = 0, int associated = 0, int deleted = 0) =>
        Statuses.Zip([pending, preregistered, rejected, expired, associated, deleted]).ToDictionary(p => p.First, p => p.Second);

    private sealed record PartnerCard(Dictionary<string, int> Bars, int DueToday, int Overdue, string OverdueClass, string Rate, string Summary);
}
