using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Partners;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Core.Reviews;
using PartnerCenter.Core.Usage;
using PartnerCenter.Infrastructure.Data;

namespace PartnerCenter.Infrastructure.Seeding;

/// <summary>The demo data listed in the README: four partners, their users, and one customer account per rule.</summary>
public sealed class DemoSeeder(
    AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, WorkingDays workingDays, TimeProvider clock)
{
    public const string Password = "Demo123!";

    // The demo accounts and records by name, for the README's tables and for tests that sign in as them.
    public const string EcosystemManagerEmail = "em@platform.example";
    public const string EcosystemManagerName = "Erika Meyer";
    public const string EcosystemManagerPhone = "+49 30 901820";
    public const string OperatorEmail = "ops@platform.example";
    public const string OperatorName = "Otto Operator";
    public const string NorthwindAdminEmail = "admin@northwind.example";
    public const string NorthwindSalesEmail = "sales@northwind.example";
    public const string NorthwindInternEmail = "intern@northwind.example";
    public const string ContosoAdminEmail = "admin@contoso.example";
    public const string FabrikamAdminEmail = "admin@fabrikam.example";
    public const string TailspinAdminEmail = "admin@tailspin.example";
    public const string CustomerEmail = "existing@customers.example";

    public const string Northwind = "Northwind Cloud";
    public const string Contoso = "Contoso Reseller";
    public const string Fabrikam = "Fabrikam Partners";
    public const string Tailspin = "Tailspin Prepaid";
    public const string NorthwindReservedEmail = "partners@northwind.example";

    /// <summary>Northwind's Preregistered demo records (Anna, Jonas), its Expired one (Lena), Pending review (Pedro), Rejected (Ana Costa).</summary>
    public const string AnnaEmail = "anna.schmidt@prospects.example";
    public const string JonasEmail = "jonas.weber@prospects.example";
    public const string LenaEmail = "lena.fischer@prospects.example";
    public const string PedroEmail = "pedro.silva@prospects.example";
    public const string AnaCostaEmail = "ana.costa@prospects.example";

    /// <summary>The customer Contoso holds with a valid preregistration.</summary>
    public const string ClaimedByContosoEmail = "claimed@customers.example";

    /// <summary>Contoso's request for a manual review, a week old: overdue (and one working day past its target).</summary>
    public const string OverdueReviewEmail = "rafael.lima@prospects.example";
    public const string OverdueReviewName = "Rafael Lima";

    /// <summary>The customer associated with Northwind 300 days ago.</summary>
    public const string LoyalEmail = "loyal@customers.example";

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

        var em = await CreateUserAsync(EcosystemManagerEmail, EcosystemManagerName, Roles.EcosystemManager, phone: EcosystemManagerPhone);
        await CreateUserAsync(OperatorEmail, OperatorName, Roles.PlatformAdministrator);

        var northwind = AddPartner(Northwind, "DE", NorthwindReservedEmail, null, prepaid: false, em);
        var contoso = AddPartner(Contoso, "SG", "partners@contoso.example", null, prepaid: false, em);
        var fabrikam = AddPartner(Fabrikam, "NL", null, null, prepaid: false, em);
        var tailspin = AddPartner(Tailspin, "DE", "partners@tailspin.example", null, prepaid: true, em);
        await db.SaveChangesAsync(ct);

        await CreateUserAsync(NorthwindAdminEmail, "Nora Admin", Roles.PartnerAdmin, northwind.Id);
        await CreateUserAsync(NorthwindSalesEmail, "Sam Sales", Roles.PartnerStaff, northwind.Id, customerDevelopment: true);
        await CreateUserAsync(NorthwindInternEmail, "Ian Intern", Roles.PartnerStaff, northwind.Id);
        await CreateUserAsync(ContosoAdminEmail, "Chen Admin", Roles.PartnerAdmin, contoso.Id);
        await CreateUserAsync(FabrikamAdminEmail, "Fiona Admin", Roles.PartnerAdmin, fabrikam.Id);
        await CreateUserAsync(TailspinAdminEmail, "Tom Admin", Roles.PartnerAdmin, tailspin.Id);

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
        var loyal = Account("loyal", "Loyal Customer AG", "DE", now.AddDays(-400), a => a.AssociateWith(northwind.Id, now.AddDays(-300), frozen: false));
        await db.SaveChangesAsync(ct);
        await SeedSpendAsync(northwind, loyal, db.CustomerAccounts.Local.Single(a => a.Email == "associated@customers.example"), contoso, now, ct);
        await CreateUserAsync(existing.Email, existing.Name, Roles.Customer, customerAccountId: existing.Id);

        // Contoso holds claimed@ with a valid preregistration.
        db.Preregistrations.Add(Preregistration.Submit(contoso.Id, ClaimedByContosoEmail, "Claimed Logistics",
            Mobile("+6581234567"), false, ReviewTrigger.None, null, now.AddDays(-3)));

        // A handful of Northwind records in several statuses.
        Prereg(northwind, AnnaEmail, "Anna Schmidt", "+4915123456701", now.AddDays(-2));
        Prereg(northwind, JonasEmail, "Jonas Weber", "+4915123456702", now.AddDays(-12));
        Prereg(northwind, LenaEmail, "Lena Fischer", "+4915123456703", now.AddDays(-20));
        Prereg(northwind, PedroEmail, "Pedro Silva", "+5511912345678", now.AddDays(-1), ReviewTrigger.Country);
        var rejected = Prereg(northwind, AnaCostaEmail, "Ana Costa", "+5511912345679", now.AddDays(-6), ReviewTrigger.Country);
        var round = rejected.OpenReview!;
        rejected.Reject("The customer is served by a partner in Brazil.", now.AddDays(-5), em.Id);
        db.ReviewDecisions.Add(ReviewDecision.Of(rejected.Id, northwind.Id, round, ReviewOutcome.Rejected, now.AddDays(-5), em.Id));

        // Jonas Weber (above) is Preregistered in its last 5 days, so Request extension is offered. Contoso's review
        // request is a week old: overdue, so the queue, the dashboard and the digest show one.
        Prereg(contoso, OverdueReviewEmail, OverdueReviewName, "+5511912345677", now.AddDays(-7), ReviewTrigger.Country);
        var deleted = Prereg(northwind, "max.bauer@prospects.example", "Max Bauer", "+4915123456704", now.AddDays(-4));
        deleted.Delete(now.AddDays(-3));
        db.Preregistrations.Add(Preregistration.Historical(northwind.Id, LoyalEmail, "Loyal Customer AG",
            Mobile("+4915123456705"), now.AddDays(-300)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Some spend, so a newcomer sees budgets move (README): loyal@ has a Monthly 1,000 USD budget (freeze
    /// automatically) with 640 USD used this month; Contoso's associated@ a One-time 200 USD budget with 170 USD used (80% used).
    /// </summary>
    private async Task SeedSpendAsync(Partner northwind, CustomerAccount loyal, CustomerAccount associated, Partner contoso, DateTime now, CancellationToken ct)
    {
        var monthStart = BudgetPeriod.MonthStart(now, northwind.TimeZone);
        loyal.SetBudget(new BudgetSetting(BudgetType.Monthly, LoyalMonthlyBudget, FreezeOnExhaustion.Automatically, UnfreezeNow: false), monthStart);
        Spend(loyal, "demo-loyal-1", 400m, monthStart + ((now - monthStart) / 3));
        Spend(loyal, "demo-loyal-2", 240m, monthStart + ((now - monthStart) / 2));

        var setAt = now.AddDays(-5);
        associated.SetBudget(new BudgetSetting(BudgetType.OneTime, 200m, FreezeOnExhaustion.Manually, UnfreezeNow: false), setAt);
        Spend(associated, "demo-associated-1", 170m, setAt.AddDays(1));
        await db.SaveChangesAsync(ct);

        // The 80% alert for associated@ was reached before the portal heard of it: record it as sent, so no email goes out at start.
        db.BudgetAlerts.Add(new BudgetAlert
        {
            CustomerAccountId = associated.Id, PartnerId = contoso.Id, WindowStart = setAt, Level = BudgetLevel.Warning,
            At = setAt.AddDays(1), Used = 170m, Budget = 200m,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>loyal@'s Monthly budget (USD); the README's curl moves it past 80%.</summary>
    public const decimal LoyalMonthlyBudget = 1000m;

    /// <summary>loyal@'s spend this month in the demo data (USD).</summary>
    public const decimal LoyalSpend = 640m;

    private void Spend(CustomerAccount account, string id, decimal amount, DateTime at) =>
        db.UsageRecords.Add(new UsageRecord { ExternalId = id, CustomerAccountId = account.Id, Amount = amount, OccurredAt = at, RecordedAt = at });

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

        // The row SubmitPreregistration writes, so the lists' Audit links open a trail, not a 404.
        db.AuditEntries.Add(new AuditEntry
        {
            At = at,
            PartnerId = partner.Id,
            Action = "PreregistrationSubmitted",
            EntityType = nameof(Preregistration),
            EntityId = record.Id.ToString(),
            After = JsonSerializer.Serialize(new { Status = record.Status.ToString(), ReviewTrigger = trigger.ToString(), SendInvitation = false }),
        });
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
