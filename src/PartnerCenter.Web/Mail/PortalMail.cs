using PartnerCenter.Core.Mail;
using PartnerCenter.Infrastructure.Mail;

namespace PartnerCenter.Web.Mail;

public static class PortalMail
{
    /// <summary>
    /// Emails rendered from Views/Emails, queued in the outbox and sent by the dispatcher: over SMTP when
    /// <c>Mail:Transport</c> is <c>Smtp</c>, else into the pickup folder (read in the app's Mailbox in Development).
    /// </summary>
    public static IServiceCollection AddPortalMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddScoped<IEmailRenderer, RazorEmailRenderer>();
        if (string.Equals(configuration["Mail:Transport"], "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IMailTransport, SmtpMailTransport>();
        }
        else
        {
            services.AddSingleton<IMailTransport, PickupFolderTransport>();
        }

        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
