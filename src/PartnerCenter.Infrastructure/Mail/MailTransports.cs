using System.Diagnostics;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Infrastructure.Mail;

/// <summary>Sends a batch of messages over one connection; reports each message's outcome separately.</summary>
public interface IMailTransport
{
    Task SendAsync(IReadOnlyList<MimeMessage> messages, Func<MimeMessage, Exception?, Task> onResult, CancellationToken ct,
        Func<MimeMessage, Task<bool>>? stillOurs = null);
}

/// <summary>Real SMTP through MailKit: host, port, TLS mode and credentials from configuration.</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(IReadOnlyList<MimeMessage> messages, Func<MimeMessage, Exception?, Task> onResult, CancellationToken ct,
        Func<MimeMessage, Task<bool>>? stillOurs = null)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        Exception? unreachable = null;
        foreach (var message in messages)
        {
            if (stillOurs is not null && !await stillOurs(message))
            {
                continue;
            }

            // Once the server proved unreachable, the rest of the batch waits for its next attempt.
            var failure = unreachable;
            if (failure is null)
            {
                try
                {
                    if (!client.IsConnected)
                    {
                        await ConnectAsync(client, smtp, ct);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failure = unreachable = ex;
                }
            }

            if (failure is null)
            {
                // The span names the server, never the recipient or the subject.
                using var span = PortalMetrics.Activities.StartActivity("smtp send", ActivityKind.Client);
                span?.SetTag("server.address", smtp.Host);
                span?.SetTag("server.port", smtp.Port);
                try
                {
                    await client.SendAsync(message, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A refused recipient leaves the connection usable; a dropped one is reopened for the next message.
                    failure = ex;
                    span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
                }
            }

            await onResult(message, failure);
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, ct);
        }
    }

    private static async Task ConnectAsync(SmtpClient client, SmtpOptions smtp, CancellationToken ct)
    {
        await client.ConnectAsync(smtp.Host, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        }
    }
}

/// <summary>The embedded default: each message becomes a .eml file, shown by the Mailbox page.</summary>
public sealed class PickupFolderTransport(IOptions<MailOptions> options) : IMailTransport
{
    public string Directory => Path.GetFullPath(options.Value.PickupDirectory);

    public async Task SendAsync(IReadOnlyList<MimeMessage> messages, Func<MimeMessage, Exception?, Task> onResult, CancellationToken ct,
        Func<MimeMessage, Task<bool>>? stillOurs = null)
    {
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var message in messages)
        {
            if (stillOurs is not null && !await stillOurs(message))
            {
                continue;
            }

            // Written to a temporary name and renamed, so a reader never sees half a message,
            // and named by Message-Id, so a retry after a crash overwrites instead of duplicating.
            var name = Path.Combine(Directory, $"{message.Date.UtcDateTime:yyyyMMddHHmmssfff}-{message.MessageId!.Split('@')[0]}.eml");
            var temp = name + ".tmp";
            await message.WriteToAsync(temp, ct);
            File.Move(temp, name, overwrite: true);
            await onResult(message, null);
        }
    }
}
