using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace PartnerCenter.Web.Tests.Infrastructure;

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

    private readonly StringBuilder output = new();
    private Process? process;

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
        return new SmtpServer(FreePort(), maildir);
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

        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir })
        {
            info.ArgumentList.Add(argument);
        }

        var started = Process.Start(info) ?? throw new InvalidOperationException("Could not start aiosmtpd.");
        started.OutputDataReceived += (_, e) => Append(e.Data);
        started.ErrorDataReceived += (_, e) => Append(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        process = started;

        using var timeout = new CancellationTokenSource(StartTimeout);
        while (!await GreetsAsync(timeout.Token))
        {
            if (started.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited with {started.ExitCode} on port {Port}: {Output}");
            }

            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"aiosmtpd did not accept connections on port {Port} within {StartTimeout}: {Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }
    }

    /// <summary>Kills the server; connections to its port are refused until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    /// <summary>What the server wrote to stdout and stderr, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

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
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var matching = Messages().Where(m => filter?.Invoke(m) ?? true).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} messages on the SMTP server, got {matching.Count}. Server output: {Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
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

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
