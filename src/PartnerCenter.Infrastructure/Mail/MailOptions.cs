namespace PartnerCenter.Infrastructure.Mail;

public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary><c>Pickup</c> (a folder of .eml files, the embedded default) or <c>Smtp</c> (MailKit).</summary>
    public string Transport { get; set; } = "Pickup";

    public string PickupDirectory { get; set; } = "data/mail";
    public string FromAddress { get; set; } = "no-reply@partnercenter.example";
    public string FromName { get; set; } = "Partner Center";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Attempts before a message is marked Failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay; doubles with every failed attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claimed batch belongs to one instance before another may take it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 25;

    /// <summary>MailKit's SecureSocketOptions: None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable.</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
