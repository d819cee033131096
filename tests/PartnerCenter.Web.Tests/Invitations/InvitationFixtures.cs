using Microsoft.Extensions.Time.Testing;
using PartnerCenter.Web.Tests.Infrastructure;

namespace PartnerCenter.Web.Tests.Invitations;

/// <summary>Real clock, mail to a pickup folder, no background dispatcher: what is queued stays queued until a test dispatches.</summary>
public sealed class PickupApp() : InvitationsFactory(clock: null);

/// <summary>As <see cref="PickupApp"/>, on a fake clock starting at <see cref="FakeClockPartnerCenterFactory.Start"/>.</summary>
public sealed class FakeClockPickupApp() : InvitationsFactory(new FakeTimeProvider(FakeClockPartnerCenterFactory.Start));

/// <summary>
/// A real aiosmtpd server and the app sending to it with its own background dispatcher, on the
/// real clock, polling every 100 ms and retrying from 100 ms on (doubling) for up to 10 attempts.
/// </summary>
public sealed class SmtpApp : IAsyncLifetime
{
    public SmtpServer Smtp { get; private set; } = null!;

    public InvitationsFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Smtp = await SmtpServer.StartNewAsync();
        App = new InvitationsFactory(clock: null)
        {
            Smtp = Smtp,
            RunDispatcher = true,
            RetryBaseDelay = TimeSpan.FromMilliseconds(100),
            MaxAttempts = 10,
        };
        _ = App.Services;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
