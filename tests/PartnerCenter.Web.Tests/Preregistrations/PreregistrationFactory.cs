using PartnerCenter.Web.Tests.Infrastructure;

namespace PartnerCenter.Web.Tests.Preregistrations;

/// <summary>
/// The app on a fake clock for the preregistration suites. The expiry sweep only runs at start-up
/// (its next tick is beyond any advance these tests make), so a test decides when lapsed claims are
/// marked and can prove that every rule is right before a sweep. Invitation emails that
/// "Send invitation link: Yes" queues land in a folder of this factory's own, deleted with it.
/// </summary>
public sealed class PreregistrationFactory : FakeClockPartnerCenterFactory
{
    private readonly string mailFolder = Path.Combine(Path.GetTempPath(), "partnercenter-tests", $"mail-{Guid.NewGuid():N}");

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        // PeriodicTimer takes at most ~49 days; the tests advance the clock by 15 to 31 days in all.
        settings["Sweeps:ExpiryInterval"] = "45.00:00:00";
        settings["Mail:PickupDirectory"] = mailFolder;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (Directory.Exists(mailFolder))
        {
            Directory.Delete(mailFolder, recursive: true);
        }
    }
}
