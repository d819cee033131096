using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace PartnerCenter.Testing;

/// <summary>
/// A real SMTP server for the tests: Debian's aiosmtpd on a free loopback port, storing every
/// message it accepts in a maildir (<c>aiosmtpd.handlers.Mailbox</c>). It can be stopped and
/// started again on the same port to play an outage; disposing it kills the process and deletes
/// the maildir.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    public const string Python = "/usr/bin/python3";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private ChildProcess? process;
    private string earlierOutput = "";

    private SmtpServer(int port, string maildir)
    {
        Port = port;
        Maildir = maildir;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>The maildir; accepted messages land in its <c>new</c> folder.</summary>
    public string Maildir { get; }

    public bool IsRunning => process is { HasExited: false };

    /// <summary>A server on a free port, not yet listening: connecting to it is refused.</summary>
    public static SmtpServer Create()
    {
        var maildir = Path.Combine(Path.GetTempPath(), "partnercenter-tests", $"maildir-{Guid.NewGuid():N}");
        return new SmtpServer(ChildProcess.FreePort(), maildir);
    }

    /// <summary>A server on a free port, listening.</summary>
    public static async Task<SmtpServer> StartNewAsync()
    {
        var server = Create();
        try
        {
            await server.StartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server (again) on its port and returns once it greets a client.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var started = ChildProcess.Start(Python, ["-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir]);
        process = started;

        await Poll.UntilAsync(async () =>
        {
            if (started.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited with {started.ExitCode} on port {Port}: {Output}");
            }

            using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            return await GreetsAsync(attempt.Token);
        }, StartTimeout, $"aiosmtpd greets on port {Port}");
    }

    /// <summary>Kills the server; connections to its port are refused until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        await process.DisposeAsync();
        earlierOutput += process.Output;
        process = null;
    }

    /// <summary>What the server wrote to stdout and stderr, for failure messages.</summary>
    public string Output => earlierOutput + (process?.Output ?? "");

    /// <summary>Every message accepted so far (maildir writes each one atomically).</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var messages = new List<MimeMessage>();
        foreach (var folder in new[] { "new", "cur" })
        {
            var path = Path.Combine(Maildir, folder);
            if (!Directory.Exists(path))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(path).Order(StringComparer.Ordinal))
            {
                messages.Add(MimeMessage.Load(file));
            }
        }

        return messages;
    }

    /// <summary>Waits (bounded) until at least <paramref name="count"/> messages matching <paramref name="filter"/> arrived.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(int count, Func<MimeMessage, bool>? filter = null, TimeSpan? timeout = null)
    {
        List<MimeMessage> Matching() => Messages().Where(m => filter?.Invoke(m) ?? true).ToList();
        try
        {
            return await Poll.UntilAsync(() => Task.FromResult(Matching()), m => m.Count >= count, timeout, $"{count} messages reach the SMTP server");
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Expected {count} messages on the SMTP server, got {Matching().Count}. Server output: {Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(Maildir))
        {
            Directory.Delete(Maildir, recursive: true);
        }
    }

    private async Task<bool> GreetsAsync(CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port, ct);
            using var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
            var greeting = await reader.ReadLineAsync(ct);
            if (greeting?.StartsWith("220", StringComparison.Ordinal) != true)
            {
                return false;
            }

            await client.GetStream().WriteAsync("QUIT\r\n"u8.ToArray(), ct);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }
}
