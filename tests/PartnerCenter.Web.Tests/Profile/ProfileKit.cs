using Microsoft.AspNetCore.Identity;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Partners;

namespace PartnerCenter.Web.Tests.Profile;

/// <summary>Partners and users made for the time zone and partner email tests, as the seeder makes them.</summary>
public static class ProfileKit
{
    /// <summary>A partner developing business in <paramref name="countries"/> (its zone: the first one's), looked after by the demo manager.</summary>
    public static async Task<int> CreatePartnerInAsync(TestApp app, string name, string countries, string? reservedEmail)
    {
        var managerId = await app.UserIdAsync(DemoUsers.EcosystemManager);
        return await app.WithDbAsync(async db =>
        {
            var partner = new Partner { Name = name, BusinessCountries = countries, EcosystemManagerId = managerId };
            partner.ReserveContact(reservedEmail, reservedEmail is null ? "+4915123456799" : null);
            db.Partners.Add(partner);
            await db.SaveChangesAsync();
            return partner.Id;
        });
    }

    public static async Task CreateUserAsync(TestApp app, string email, string role, int? partnerId = null, bool customerDevelopment = false, string? timeZoneId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0],
            PartnerId = partnerId, HasCustomerDevelopment = customerDevelopment, TimeZoneId = timeZoneId,
        };
        Assert.True((await users.CreateAsync(user, DemoUsers.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    /// <summary>Saves the profile form as the user would: the zone chosen in the select, the boxes as given (unchanged when null).</summary>
    public static async Task<HtmlPage> SaveProfileAsync(PartnerCenterClient client, string? zone, bool? reviewDecided = null, bool? customerAssociated = null)
    {
        var page = await client.GetPageAsync("/Profile");
        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Profile", page.Heading);
        var values = new List<(string, string?)> { ("TimeZoneId", zone) };
        if (reviewDecided is { } r)
        {
            values.Add(("EmailOnReviewDecided", r ? "true" : "false"));
        }

        if (customerAssociated is { } c)
        {
            values.Add(("EmailOnCustomerAssociated", c ? "true" : "false"));
        }

        using var response = await client.SubmitAsync(page, page.FormOfButton("Save"), [.. values]);
        return response.StatusCode == HttpStatusCode.Redirect ? await client.FollowAsync(response) : await HtmlPage.ReadAsync(response);
    }
}
