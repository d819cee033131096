namespace PartnerCenter.Web.Tests.Faults;

/// <summary>
/// Base of the suites that run the app as operating-system processes on one shared database
/// (a SQLite file or a PostgreSQL database: a suite runs on both through a subclass per engine),
/// sending to a real SMTP server. Every process started through <see cref="StartAppAsync"/> is
/// killed at the end, then the SMTP server and the database go.
/// </summary>
public abstract class AppProcessTest(DatabaseEngine engine = DatabaseEngine.Sqlite) : IAsyncLifetime
{
    private readonly List<AppProcess> started = [];

    protected SharedDatabase Database { get; } = new(engine);

    protected SmtpServer Smtp { get; private set; } = null!;

    /// <summary>Whether the SMTP server listens from the start; off, every send fails until <c>Smtp.StartAsync()</c>.</summary>
    protected virtual bool SmtpListensAtStart => true;

    /// <summary>The settings every process of the suite shares (see <see cref="AppProcess.Settings"/>).</summary>
    protected Dictionary<string, string> Settings() => AppProcess.Settings(Database, Smtp.Port);

#pragma warning disable CA2000 // The suite owns the server and disposes it in DisposeAsync.
    public virtual async Task InitializeAsync() =>
        Smtp = SmtpListensAtStart ? await SmtpServer.StartNewAsync() : SmtpServer.Create();
#pragma warning restore CA2000

    public async Task DisposeAsync()
    {
        for (var i = started.Count - 1; i >= 0; i--)
        {
            await started[i].DisposeAsync();
        }

        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    protected async Task<AppProcess> StartAppAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = await AppProcess.StartAsync(settings ?? Settings());
        started.Add(app);
        return app;
    }
}
