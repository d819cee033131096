using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Bench;

/// <summary>How much of everything a seed writes. Small is large divided by 100 (partners and rows alike).</summary>
/// <param name="BenchPartnerCustomers">Extra associated customers of the bench partner: Sales &gt; Customers with 20,000 customers for one partner.</param>
internal sealed record SeedPlan(string Name, int Partners, int Preregistrations, int CustomerAccounts, int Invitations, int AuditRows, int BenchPartnerCustomers)
{
    public static readonly SeedPlan Small = new("small", 100, 10_000, 2_000, 5_000, 20_000, 200);
    public static readonly SeedPlan Large = new("large", 10_000, 1_000_000, 200_000, 500_000, 2_000_000, 20_000);

    /// <summary>The partner whose list the read scenarios page through: 100 open, 5,000 historical rows.</summary>
    public const int BenchPartnerId = 1;

    /// <summary>A partner with exactly 100 Preregistered rows and no invitation yet: the batch-invite scenario.</summary>
    public const int InvitePartnerId = 2;

    /// <summary>Partners that start empty, one signed-in session each, for the preregistration POST scenario (cap 100 each).</summary>
    public const int PostPartners = 50;

    public const int FirstPostPartnerId = 3;
    public const int FirstGeneralPartnerId = FirstPostPartnerId + PostPartners;

    /// <summary>Each ecosystem manager looks after this many consecutive partners; bench-em has partners 1..100 at both sizes.</summary>
    public const int PartnersPerManager = 100;

    public const int LandingTokens = 100;

    public const string Password = "Bench123!";
    public const string BenchUser = "bench@partner.example";
    public const string InviteUser = "bench-invite@partner.example";
    public const string ManagerUser = "bench-em@platform.example";

    public static string PostUser(int index) => $"bench-post{index:D2}@partner.example";

    /// <summary>The bench partner's rows by status: 20 + 80 open, 5,000 historical (Deleted ones are hidden from the list).</summary>
    public static readonly (PreregistrationStatus Status, int Count)[] BenchPartnerRows =
    [
        (PreregistrationStatus.PendingReview, 20),
        (PreregistrationStatus.Preregistered, 80),
        (PreregistrationStatus.Rejected, 400),
        (PreregistrationStatus.Expired, 1_600),
        (PreregistrationStatus.Associated, 1_200),
        (PreregistrationStatus.Deleted, 300),
        (PreregistrationStatus.NotPreregistered, 1_500),
    ];

    /// <summary>Every other partner's rows, per 100: a mature book where most records are history.</summary>
    public static readonly (PreregistrationStatus Status, int PerHundred)[] GeneralMix =
    [
        (PreregistrationStatus.PendingReview, 1),
        (PreregistrationStatus.Preregistered, 6),
        (PreregistrationStatus.Rejected, 3),
        (PreregistrationStatus.Expired, 25),
        (PreregistrationStatus.Associated, 20),
        (PreregistrationStatus.Deleted, 10),
        (PreregistrationStatus.NotPreregistered, 35),
    ];
}
