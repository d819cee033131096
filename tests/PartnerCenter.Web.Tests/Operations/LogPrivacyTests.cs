using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PartnerCenter.Web.Tests.Invitations;

namespace PartnerCenter.Web.Tests.Operations;

/// <summary>
/// Everything the app logs (messages, their values and scopes; the portal and EF Core at Debug, ASP.NET Core at
/// its shipped Warning) carries no email address and no token.
/// </summary>
public sealed class LogPrivacyTests(LogPrivacyTests.CapturingApp app) : AppTest<LogPrivacyTests.CapturingApp>(app)
{
    [Fact]
    public async Task A_submission_with_an_invitation_sent_and_opened_logs_neither_the_email_nor_the_token()
    {
        const string email = "logcheck001@prospects.example";
        var sales = await SignInAsync(DemoUsers.NorthwindSales);

        (await sales.SubmitPreregistrationAsync("Logan Check", email, sendInvitation: true)).Dispose();
        var link = Assert.Single(InvitationSteps.InviteLinksIn(Assert.Single(await App.OutboxForAsync(email)).TextBody));
        await App.DispatchOnceAsync();
        Assert.Equal(HttpStatusCode.OK, await NewClient().StatusOfAsync(InvitationSteps.PathOf(link)));
        Assert.Equal(HttpStatusCode.NotFound, await NewClient().StatusOfAsync(InvitationSteps.PathOf(link) + "x"));

        var token = link[(link.LastIndexOf('/') + 1)..];
        var lines = App.Lines.ToArray();
        Assert.True(lines.Length > 20, $"only {lines.Length} lines captured");
        Assert.Contains(lines, l => l.Contains("TraceId", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(email, StringComparison.OrdinalIgnoreCase) || l.Contains("logcheck001", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(lines.Where(l => l.Contains(token, StringComparison.Ordinal)).Select(l => l[..Math.Min(300, l.Length)]));
    }

    /// <summary>The app with a logger provider that keeps every line: message, structured values and scopes.</summary>
    public sealed class CapturingApp : TestApp
    {
        private readonly Capture capture = new();

        public CapturingApp() => RunDispatcher = false;

        public IEnumerable<string> Lines => capture.Lines;

        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            settings["Logging:LogLevel:Default"] = "Debug";
            // Microsoft.AspNetCore stays at the shipped Warning: its Debug lines name request paths, and the landing's path is the token.
            settings["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Debug";
        }

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<ILoggerProvider>(capture);
    }

    private sealed class Capture : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(Capture owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = new System.Text.StringBuilder($"{logLevel} {category}: {formatter(state, exception)} {exception}");
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (var (key, value) in values)
                    {
                        line.Append(' ').Append(key).Append('=').Append(value);
                    }
                }

                owner.scopes.ForEachScope((scope, sb) =>
                {
                    sb.Append(" => ").Append(scope);
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            sb.Append(' ').Append(key).Append('=').Append(value);
                        }
                    }
                }, line);
                owner.Lines.Enqueue(line.ToString());
            }
        }
    }
}
