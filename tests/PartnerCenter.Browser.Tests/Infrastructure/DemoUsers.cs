namespace PartnerCenter.Browser.Tests.Infrastructure;

/// <summary>The seeded demo accounts (src/PartnerCenter.Infrastructure/Seeding/DemoSeeder.cs).</summary>
public static class DemoUsers
{
    public const string Password = "Demo123!";

    public const string NorthwindAdmin = "admin@northwind.example";
    public const string NorthwindSales = "sales@northwind.example";
    public const string NorthwindIntern = "intern@northwind.example";
    public const string ContosoAdmin = "admin@contoso.example";
    public const string FabrikamAdmin = "admin@fabrikam.example";
    public const string TailspinAdmin = "admin@tailspin.example";
    public const string EcosystemManager = "em@platform.example";
    public const string Customer = "existing@customers.example";
}
