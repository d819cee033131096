using PartnerCenter.Web.Tests.Associations;

namespace PartnerCenter.Web.Tests.Security;

/// <summary>Guessing invitation tokens tells an attacker nothing: unknown and used tokens answer alike.</summary>
public sealed class TokenEnumerationTests(TestApp app) : AppTest<TestApp>(app)
{
    [Fact]
    public async Task Unknown_and_used_tokens_answer_with_the_same_status_and_name_nobody()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        using var customer = await AssociationKit.InvitedCustomerAsync(App, sales, "Used Token");
        using (var associated = await AssociationKit.AssociateAsync(customer.Client, customer.Token))
        {
            Assert.False(SecurityKit.IsServerError(associated.StatusCode));
        }

        Assert.Equal(PreregistrationStatus.Associated,
            await App.WithDbAsync(db => db.Preregistrations.Where(p => p.Id == customer.PreregistrationId).Select(p => p.Status).SingleAsync()));

        var attacker = NewClient();
        var unknownToken = customer.Token[..^4] + (customer.Token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        foreach (var path in new[] { "", "/register" })
        {
            var unknown = await attacker.GetPageAsync($"/invite/{unknownToken}{path}");
            var used = await attacker.GetPageAsync($"/invite/{customer.Token}{path}");
            var garbage = await attacker.GetPageAsync($"/invite/%27%20OR%201%3D1{path}");

            Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
            Assert.Equal(unknown.Status, used.Status);
            Assert.Equal(unknown.Status, garbage.Status);
            foreach (var page in new[] { unknown, used, garbage })
            {
                Assert.DoesNotContain("Northwind", page.MainText, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("Used Token", page.MainText, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(customer.Email, page.MainText, StringComparison.OrdinalIgnoreCase);
                Assert.Null(page.Document.QuerySelector("main form"));
            }
        }
    }

    [Fact]
    public async Task Registering_on_an_unknown_token_is_refused_like_opening_it()
    {
        var attacker = NewClient();
        using var response = await attacker.PostFormAsync("/invite/not-a-real-token/register",
            ("FullName", "Mallory"), ("Password", "Customer#2031"), ("ConfirmPassword", "Customer#2031"));

        await response.AssertStatusAsync(HttpStatusCode.NotFound);
        Assert.False(attacker.HasAuthCookie);
    }
}
