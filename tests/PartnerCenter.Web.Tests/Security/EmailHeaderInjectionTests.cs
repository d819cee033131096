using MimeKit;
using PartnerCenter.Web.Tests.Invitations;

namespace PartnerCenter.Web.Tests.Security;

/// <summary>CR/LF in stored names never becomes a header of the invitation email.</summary>
public sealed class EmailHeaderInjectionTests(PickupApp app) : AppTest<PickupApp>(app)
{
    private const string Injection = "\r\nBcc: evil@example.com\r\nX-Injected: yes";

    [Fact]
    public async Task A_customer_and_partner_name_with_crlf_do_not_add_headers_or_recipients()
    {
        var id = await App.AddNorthwindRecordAsync(name: "Eve" + Injection, email: "eve.crlf@prospects.example");
        await App.WithDbAsync(async db =>
        {
            var northwind = await db.Partners.SingleAsync(p => p.Name == Northwind);
            // The partner's name as it might arrive from an import or an old row.
            await db.Partners.Where(p => p.Id == northwind.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, Northwind + Injection));
            return 0;
        });

        try
        {
            var sales = await SignInAsync(DemoUsers.NorthwindSales);
            using (var send = await sales.SendInvitationsAsync(id))
            {
                await send.AssertStatusAsync(HttpStatusCode.Redirect);
            }

            await App.DispatchOnceAsync();
            var outbox = await App.OutboxForAsync("eve.crlf@prospects.example");
            Assert.Single(outbox);
            Assert.Equal(OutboxStatus.Sent, outbox[0].Status);

            var file = Assert.Single(Directory.EnumerateFiles(App.PickupDirectory, "*.eml"),
                f => MimeMessage.Load(f).To.Mailboxes.Any(a => a.Address == "eve.crlf@prospects.example"));
            var message = await MimeMessage.LoadAsync(file);
            Assert.Empty(message.Bcc);
            Assert.Empty(message.Cc);
            Assert.Single(message.To.Mailboxes);
            Assert.DoesNotContain(message.Headers, h => h.Field.Equals("X-Injected", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(message.Headers, h => h.Field.Equals("Bcc", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain('\n', message.Subject ?? "");
            var rawHeaders = (await File.ReadAllTextAsync(file)).Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", 2)[0];
            Assert.DoesNotContain(rawHeaders.Split('\n'), l => l.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase) || l.StartsWith("X-Injected:", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            await App.WithDbAsync(db => db.Partners.Where(p => p.Name.StartsWith(Northwind)).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, Northwind)));
        }
    }
}
