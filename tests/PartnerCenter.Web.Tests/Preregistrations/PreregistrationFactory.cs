namespace PartnerCenter.Web.Tests.Preregistrations;

/// <summary>
/// The app on a fake clock for the preregistration suites. The expiry sweep only runs at start-up
/// (its next tick is beyond any advance these tests make), so a test decides when lapsed claims are
/// marked and can prove that every rule is right before a sweep.
/// </summary>
public sealed class PreregistrationFactory : FakeClockApp
{
    // PeriodicTimer takes at most ~49 days; the tests advance the clock by 15 to 31 days in all.
    public PreregistrationFactory() => ExpirySweepInterval = TimeSpan.FromDays(45);
}
