using Microsoft.Extensions.Time.Testing;

namespace PartnerCenter.Web.Tests.Infrastructure;

/// <summary>The app with a <see cref="FakeTimeProvider"/> as its clock, for expiry, SLA and "now" tests.</summary>
/// <remarks>
/// ASP.NET Core Identity (lockout) does not read <see cref="TimeProvider"/>; only the app's own code,
/// seeding, and the authentication handlers do.
/// </remarks>
public class FakeClockPartnerCenterFactory : PartnerCenterFactory
{
    /// <summary>A fixed, unambiguous instant far from the real date, so a test can tell fake time from real time.</summary>
    public static readonly DateTimeOffset Start = new(2031, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public FakeClockPartnerCenterFactory()
        : this(new FakeTimeProvider(Start))
    {
    }

    private FakeClockPartnerCenterFactory(FakeTimeProvider clock)
        : base(clock)
    {
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }
}
