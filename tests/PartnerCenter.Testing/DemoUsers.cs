using PartnerCenter.Infrastructure.Seeding;

namespace PartnerCenter.Testing;

/// <summary>
/// The seeded demo accounts and records, read from the app's own <see cref="DemoSeeder"/>: one
/// source, so a renamed account breaks the build rather than a test's sign-in.
/// </summary>
public static class DemoUsers
{
    public const string Password = DemoSeeder.Password;

    public const string NorthwindAdmin = DemoSeeder.NorthwindAdminEmail;
    public const string NorthwindSales = DemoSeeder.NorthwindSalesEmail;
    public const string NorthwindIntern = DemoSeeder.NorthwindInternEmail;
    public const string ContosoAdmin = DemoSeeder.ContosoAdminEmail;
    public const string FabrikamAdmin = DemoSeeder.FabrikamAdminEmail;
    public const string TailspinAdmin = DemoSeeder.TailspinAdminEmail;
    public const string EcosystemManager = DemoSeeder.EcosystemManagerEmail;
    public const string Customer = DemoSeeder.CustomerEmail;
    public const string Operator = DemoSeeder.OperatorEmail;

    public const string EcosystemManagerName = DemoSeeder.EcosystemManagerName;
    public const string EcosystemManagerPhone = DemoSeeder.EcosystemManagerPhone;
}

/// <summary>The seeded partners and customer records tests refer to, from <see cref="DemoSeeder"/>.</summary>
public static class DemoData
{
    public const string Northwind = DemoSeeder.Northwind;
    public const string Contoso = DemoSeeder.Contoso;
    public const string Fabrikam = DemoSeeder.Fabrikam;
    public const string Tailspin = DemoSeeder.Tailspin;
    public const string NorthwindReservedEmail = DemoSeeder.NorthwindReservedEmail;

    public const string Anna = DemoSeeder.AnnaEmail;
    public const string Jonas = DemoSeeder.JonasEmail;
    public const string Lena = DemoSeeder.LenaEmail;           // Expired
    public const string Pedro = DemoSeeder.PedroEmail;         // Pending review
    public const string AnaCosta = DemoSeeder.AnaCostaEmail;   // Rejected
    public const string ClaimedByContoso = DemoSeeder.ClaimedByContosoEmail;
    public const string OverdueReviewEmail = DemoSeeder.OverdueReviewEmail;    // Contoso, Pending review, a week old
    public const string OverdueReviewName = DemoSeeder.OverdueReviewName;
    public const string Loyal = DemoSeeder.LoyalEmail;
}
