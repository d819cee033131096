using Microsoft.AspNetCore.Identity;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Partners;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Core.Reviews;
using PartnerCenter.Infrastructure.Data;

namespace PartnerCenter.Infrastructure.Seeding;

/// <summary>The demo data listed in the README: four partners, their users, and one customer account per rule.</summary>
public sealed class DemoSeeder(
    AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, WorkingDays workingDays, TimeProvider clock)
{
    public const string Password = "Demo123!";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var now = clock.UtcNow();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        var em = await CreateUserAsync("em@platform.example", "Erika Meyer", Roles.EcosystemManager, phone: "+49 30 901820");

        var northwind = AddPartner("Northwind Cloud", "DE", "partners@northwind.example", null, prepaid: false, em);
        var contoso = AddPartner("Contoso Reseller", "SG", "partners@contoso.example", null, prepaid: false, em);
        var fabrikam = AddPartner("Fabrikam Partners", "NL", null, null, prepaid: false, em);
        var tailspin = AddPartner("Tailspin Prepaid", "DE", "partners@tailspin.example", null, prepaid: true, em);
        await db.SaveChangesAsync(ct);

        await CreateUserAsync("admin@northwind.example", "Nora Admin", Roles.PartnerAdmin, northwind.Id);
        await CreateUserAsync("sales@northwind.example", "Sam Sales", Roles.PartnerStaff, northwind.Id, customerDevelopment: true);
        await CreateUserAsync("intern@northwind.example", "Ian Intern", Roles.PartnerStaff, northwind.Id);
        await CreateUserAsync("admin@contoso.example", "Chen Admin", Roles.PartnerAdmin, contoso.Id);
        await CreateUserAsync("admin@fabrikam.example", "Fiona Admin", Roles.PartnerAdmin, fabrikam.Id);
        await CreateUserAsync("admin@tailspin.example", "Tom Admin", Roles.PartnerAdmin, tailspin.Id);

        Account("mainland", "Mainland Trading", "CN", now.AddDays(-100), a => a.Website = RegistrationWebsite.ChineseMainland);
        Account("associated", "Associated Retail", "SG", now.AddDays(-200), a => a.AssociateWith(contoso.Id, now.AddDays(-150), frozen: false));
        Account("claimed", "Claimed Logistics", "DE", now.AddDays(-60));
        Account("consumer", "Consumer Cloud User", "DE", now.AddDays(-60), a => a.IsConsumerCloudUser = true);
        Account("contract", "Contract Holdings", "DE", now.AddDays(-60), a => a.HasSignedContract = true);
        Account("spender", "Spender Media", "DE", now.AddDays(-60), a => a.HasCashExpenditure = true);
        Account("member", "Member Subsidiary", "DE", now.AddDays(-60), a => a.EnterpriseMasterLink = EnterpriseMasterLink.UnifiedAccountingMember);
        Account("directsales", "Direct Sales Prospect", "DE", now.AddDays(-30), a => a.PreregisteredByDirectSales = true);
        Account("abroad", "Abroad Ventures", "BR", now.AddDays(-20));
        Account("onlinesales", "Online Sales Lead", "DE", now.AddDays(-20), a => a.IsOnlineSalesTeamMember = true);
        var existing = Account("existing", "Existing GmbH", "DE", now.AddDays(-10));
        Account("loyal", "Loyal Customer AG", "DE", now.AddDays(-400), a => a.AssociateWith(northwind.Id, now.AddDays(-300), frozen: false));
        await db.SaveChangesAsync(ct);
        await CreateUserAsync(existing.Email, existing.Name, Roles.Customer, customerAccountId: existing.Id);

        // Contoso holds claimed@ with a valid preregistration.
        db.Preregistrations.Add(Preregistration.Submit(contoso.Id, "claimed@customers.example", "Claimed Logistics",
            Mobile("+6581234567"), false, ReviewTrigger.None, null, now.AddDays(-3)));

        // A handful of Northwind records in several statuses.
        Prereg(northwind, "anna.schmidt@prospects.example", "Anna Schmidt", "+4915123456701", now.AddDays(-2));
        Prereg(northwind, "jonas.weber@prospects.example", "Jonas Weber", "+4915123456702", now.AddDays(-12));
        Prereg(northwind, "lena.fischer@prospects.example", "Lena Fischer", "+4915123456703", now.AddDays(-20));
        Prereg(northwind, "pedro.silva@prospects.example", "Pedro Silva", "+5511912345678", now.AddDays(-1), ReviewTrigger.Country);
        var rejected = Prereg(northwind, "ana.costa@prospects.example", "Ana Costa", "+5511912345679", now.AddDays(-6), ReviewTrigger.Country);
        rejected.Reject("The customer is served by a partner in Brazil.", now.AddDays(-5));
        var deleted = Prereg(northwind, "max.bauer@prospects.example", "Max Bauer", "+4915123456704", now.AddDays(-4));
        deleted.Delete(now.AddDays(-3));
        db.Preregistrations.Add(Preregistration.Historical(northwind.Id, "loyal@customers.example", "Loyal Customer AG",
            Mobile("+4915123456705"), now.AddDays(-300)));
        await db.SaveChangesAsync(ct);
    }

    private Partner AddPartner(string name, string countries, string? email, string? mobile, bool prepaid, AppUser em)
    {
        var partner = new Partner { Name = name, BusinessCountries = countries, IsPrepaid = prepaid, EcosystemManagerId = em.Id };
        partner.ReserveContact(email, mobile);
        db.Partners.Add(partner);
        return partner;
    }

    private CustomerAccount Account(string local, string name, string country, DateTime registeredAt, Action<CustomerAccount>? facts = null)
    {
        var account = new CustomerAccount { Email = $"{local}@customers.example", Name = name, CountryCode = country, RegisteredAt = registeredAt };
        facts?.Invoke(account);
        db.CustomerAccounts.Add(account);
        return account;
    }

    private Preregistration Prereg(Partner partner, string email, string name, string mobile, DateTime at, ReviewTrigger trigger = ReviewTrigger.None)
    {
        var record = Preregistration.Submit(partner.Id, email, name, Mobile(mobile), false, trigger, null, at, workingDays.AddWorkingDays(at, 2));
        record.MarkExpiredIfLapsed(clock.UtcNow());
        db.Preregistrations.Add(record);
        return record;
    }

    private static MobileNumber Mobile(string e164) =>
        MobileNumber.TryParse(e164, out var number) ? number! : throw new InvalidOperationException($"Demo mobile {e164} is not valid.");

    private async Task<AppUser> CreateUserAsync(string email, string name, string role, int? partnerId = null,
        bool customerDevelopment = false, int? customerAccountId = null, string? phone = null)
    {
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            PartnerId = partnerId,
            HasCustomerDevelopment = customerDevelopment,
            CustomerAccountId = customerAccountId,
            PhoneNumber = phone,
        };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
