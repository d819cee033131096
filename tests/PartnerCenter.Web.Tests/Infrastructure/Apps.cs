using Microsoft.Extensions.Time.Testing;

namespace PartnerCenter.Web.Tests.Infrastructure;

/// <summary>
/// <see cref="TestApp"/> on a <see cref="FakeTimeProvider"/> starting at <see cref="TestApp.FakeStart"/>,
/// as a class fixture (which needs a constructor without parameters); for expiry, SLA and "now" tests.
/// </summary>
/// <remarks>
/// ASP.NET Core Identity (lockout) does not read <see cref="TimeProvider"/>; only the app's own code,
/// seeding, and the authentication handlers do.
/// </remarks>
public class FakeClockApp : TestApp
{
    public FakeClockApp() => base.Clock = NewFakeClock();

    public new FakeTimeProvider Clock => FakeClock;
}
