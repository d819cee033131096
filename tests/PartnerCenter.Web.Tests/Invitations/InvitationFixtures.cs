namespace PartnerCenter.Web.Tests.Invitations;

/// <summary>Real clock, mail to a pickup folder, no background dispatcher: what is queued stays queued until a test dispatches.</summary>
public sealed class PickupApp : TestApp
{
    public PickupApp() => RunDispatcher = false;
}

/// <summary>As <see cref="PickupApp"/>, on a fake clock starting at <see cref="TestApp.FakeStart"/>.</summary>
public sealed class FakeClockPickupApp : TestApp
{
    public FakeClockPickupApp()
    {
        Clock = NewFakeClock();
        RunDispatcher = false;
    }
}

/// <summary>
/// A real aiosmtpd server and the app sending to it with its own background dispatcher, on the
/// real clock, polling every 100 ms and retrying from 100 ms on (doubling) for up to 10 attempts.
/// </summary>
public sealed class SmtpApp : IAsyncLifetime
{
    public SmtpServer Smtp { get; private set; } = null!;

    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Smtp = await SmtpServer.StartNewAsync();
        App = new TestApp
        {
            Smtp = Smtp,
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
