using PartnerCenter.Core.Webhooks;
using PartnerCenter.Infrastructure.Tokens;
using PartnerCenter.Infrastructure.Webhooks;

namespace PartnerCenter.Web.Features.Webhooks;

public static class WebhooksFeature
{
    /// <summary>
    /// Webhooks: the page's and the API's use cases, the signing-secret protector, the guarded HTTP client
    /// and the delivery dispatcher (a singleton hosted through a factory, as the email outbox's).
    /// Local addresses (HTTP to loopback, private ranges) are allowed only in Development unless configured.
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.PostConfigure<WebhookOptions>(o => o.AllowLocalAddresses ??= environment.IsDevelopment());
        services.AddSingleton<IWebhookSecretProtector, DataProtectionWebhookSecretProtector>();
        services.AddHttpClient(WebhookDispatcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<WebhookOptions>>();
                return WebhookHttp.CreateHandler(() => options.CurrentValue.LocalAddressesAllowed);
            });
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        return services.AddUseCases(
            typeof(WebhookQueries),
            typeof(CreateWebhookEndpoint),
            typeof(RotateWebhookSecret),
            typeof(DeleteWebhookEndpoint),
            typeof(RedeliverWebhook),
            typeof(SendTestWebhook));
    }
}
