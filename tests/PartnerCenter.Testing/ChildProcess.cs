using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PartnerCenter.Testing;

/// <summary>
/// A child process a test starts (the app, an SMTP server): output captured for failure messages,
/// killed with its whole tree on <see cref="KillAsync"/> or dispose.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly StringBuilder output = new();
    private readonly Process process;

    private ChildProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>What the process wrote to stdout and stderr so far.</summary>
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

    /// <param name="holdInput">Keep the child's stdin open (a pipe) until it is killed, for children that run until stdin closes.</param>
    public static ChildProcess Start(string fileName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null, bool holdInput = false)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = holdInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var started = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var child = new ChildProcess(started);
        started.OutputDataReceived += (_, e) => child.Append(e.Data);
        started.ErrorDataReceived += (_, e) => child.Append(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until the process exits by itself and all its output is read.</summary>
    public Task WaitForExitAsync(CancellationToken ct = default) => process.WaitForExitAsync(ct);

    /// <summary>Runs a command to its end (bounded by <paramref name="timeout"/>) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        await using var child = Start(fileName, arguments);
        using var limit = new CancellationTokenSource(timeout);
        await child.WaitForExitAsync(limit.Token);
        return (child.ExitCode, child.Output);
    }

    /// <summary>A loopback port free right now (the OS picks it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGKILL to the whole tree: no shutdown, no flush, no finally blocks.</summary>
    public async Task KillAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
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
}
