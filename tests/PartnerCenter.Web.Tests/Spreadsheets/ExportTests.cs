using System.Text;
using PartnerCenter.Web.Tests.Preregistrations;
using static PartnerCenter.Web.Tests.Preregistrations.PreregistrationKit;

namespace PartnerCenter.Web.Tests.Spreadsheets;

/// <summary>Export on the Customer Development list: partner admins only, the filtered list, personal data masked, audited.</summary>
public sealed class ExportTests(PreregistrationFactory app) : IClassFixture<PreregistrationFactory>
{
    private const string ExportUrl = "/CustomerDevelopment/Export";

    [Fact]
    public async Task An_admin_exports_the_filtered_list_with_names_emails_and_mobiles_masked_and_the_export_is_audited()
    {
        await app.AddPreregisteredAsync(Northwind, "export", 30);
        using var admin = await app.SignedInClientAsync(DemoUsers.NorthwindAdmin);
        var list = await admin.GetPageAsync($"{ListUrl}?status=Preregistered");
        var exportLink = list.Document.QuerySelector("main a[href^='/CustomerDevelopment/Export']")!.GetAttribute("href")!;
        Assert.Equal($"{ExportUrl}?status=Preregistered", exportLink);
        var audits = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "PreregistrationsExported"));

        using var response = await admin.GetAsync(exportLink);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Customer name,Email,Mobile number,Status,Created (UTC),Preregistered (UTC),Expires (UTC)", lines[0]);

        var partnerId = await app.PartnerIdAsync(Northwind);
        var expected = await app.WithDbAsync(db => db.Preregistrations
            .Where(p => p.PartnerId == partnerId && p.Status == PreregistrationStatus.Preregistered).ToListAsync());
        var open = expected.Where(p => p.ExpiresAt > app.Now).ToList();
        Assert.Equal(open.Count, lines.Length - 1);
        Assert.Contains($"E*** C***,e***@prospects.example,\"'+49 *** *** 99\",Preregistered,", text, StringComparison.Ordinal);
        foreach (var record in open)
        {
            Assert.DoesNotContain(record.CustomerEmail, text, StringComparison.Ordinal);
            Assert.DoesNotContain(record.CustomerName, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("+4915123456799", text, StringComparison.Ordinal);
        Assert.Equal(audits + 1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "PreregistrationsExported")));
    }

    [Fact]
    public async Task Staff_see_no_export_and_cannot_download_one()
    {
        using var sales = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        var list = await sales.GetPageAsync(ListUrl);
        Assert.Null(list.Document.QuerySelector("main a[href^='/CustomerDevelopment/Export']"));

        using var response = await sales.GetAsync(ExportUrl);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
    }
}
