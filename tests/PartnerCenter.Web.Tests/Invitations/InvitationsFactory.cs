using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PartnerCenter.Infrastructure.Mail;
using PartnerCenter.Web.Tests.Infrastructure;

namespace PartnerCenter.Web.Tests.Invitations;

/// <summary>
/// The app set up for the invitation suites: links start with <see cref="PublicBaseUrl"/>; mail
/// goes to a real SMTP server when <see cref="Smtp"/> is set, otherwise to a pickup folder of
/// its own; the background dispatcher can be switched off so a test drives
/// <see cref="OutboxDispatcher.DispatchOnceAsync"/> itself; and a second instance can run on
/// another factory's database file (<see cref="DatabaseOf"/>), as a second app instance would.
/// </summary>
public class InvitationsFactory : PartnerCenterFactory
{
    public const string PublicBaseUrl = "https://partners.example.test";

    public InvitationsFactory(TimeProvider? clock = null)
        : base(clock)
    {
        Clock = clock as FakeTimeProvider;
        PickupDirectory = Path.Combine(Path.GetTempPath(), "partnercenter-tests", $"pickup-{Guid.NewGuid():N}");
    }

    /// <summary>The fake clock, when the factory was given one.</summary>
    public FakeTimeProvider? Clock { get; }

    public FakeTimeProvider FakeClock => Clock ?? throw new InvalidOperationException("This factory runs on the real clock.");

    /// <summary>Send through this server (MailKit, no TLS) instead of the pickup folder.</summary>
    public SmtpServer? Smtp { get; init; }

    /// <summary>Whether the app's background dispatcher runs; off, tests call <see cref="DispatchOnceAsync"/>.</summary>
    public bool RunDispatcher { get; init; }

    /// <summary>Run on that factory's database file instead of a new one (it keeps owning the file).</summary>
    public PartnerCenterFactory? DatabaseOf { get; init; }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(10);

    public int MaxAttempts { get; init; } = 5;

    public int BatchSize { get; init; } = 50;

    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan ExpirySweepInterval { get; init; } = TimeSpan.FromHours(12);

    public string PickupDirectory { get; }

    /// <summary>The app's singleton dispatcher (the one the background service runs).</summary>
    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    /// <summary>One round of the app's dispatcher: claims a batch and sends it.</summary>
    public Task<int> DispatchOnceAsync() => Dispatcher.DispatchOnceAsync(CancellationToken.None);

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        settings["Invitations:PublicBaseUrl"] = PublicBaseUrl;
        settings["Mail:PickupDirectory"] = PickupDirectory;
        settings["Mail:PollInterval"] = PollInterval.ToString("c", CultureInfo.InvariantCulture);
        settings["Mail:RetryBaseDelay"] = RetryBaseDelay.ToString("c", CultureInfo.InvariantCulture);
        settings["Mail:MaxAttempts"] = MaxAttempts.ToString(CultureInfo.InvariantCulture);
        settings["Mail:BatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture);
        settings["Mail:LeaseDuration"] = LeaseDuration.ToString("c", CultureInfo.InvariantCulture);

        // Advancing a fake clock fires a periodic timer once per elapsed period: at the default
        // minute, a week's jump takes the expiry sweeper 10,080 rounds (seconds of test time).
        settings["Sweeps:ExpiryInterval"] = ExpirySweepInterval.ToString("c", CultureInfo.InvariantCulture);
        if (Smtp is not null)
        {
            settings["Mail:Transport"] = "Smtp";
            settings["Mail:Smtp:Host"] = Smtp.Host;
            settings["Mail:Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture);
            settings["Mail:Smtp:Security"] = "None";
            settings["Mail:Smtp:Timeout"] = "00:00:10";
        }

        if (DatabaseOf is not null)
        {
            settings["ConnectionStrings:Sqlite"] = DatabaseOf.ConnectionString;
        }
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        if (RunDispatcher)
        {
            return;
        }

        // Program registers the dispatcher as a singleton and hosts it through a factory; keep the
        // singleton (tests drive it), swap only its hosting for a service that does nothing.
        var replaced = 0;
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceType == typeof(IHostedService) && services[i].ImplementationFactory is { } create)
            {
                services[i] = ServiceDescriptor.Singleton<IHostedService>(sp =>
                    create(sp) is IHostedService hosted and not OutboxDispatcher ? hosted : new Idle());
                replaced++;
            }
        }

        if (replaced == 0)
        {
            throw new InvalidOperationException("The outbox dispatcher is no longer hosted through a factory; update InvitationsFactory.");
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (Directory.Exists(PickupDirectory))
        {
            Directory.Delete(PickupDirectory, recursive: true);
        }
    }

    private sealed class Idle : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
