using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PartnerCenter.Core.Invitations;

namespace PartnerCenter.Browser.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 with a port the OS picks, so a browser (a separate
/// process) can reach it. Configuration comes only from <paramref name="settings"/> on top of
/// the app's own appsettings; the caller owns the database file.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> settings;

    public PortalServer(IReadOnlyDictionary<string, string?> settings)
    {
        this.settings = settings;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>For example <c>http://127.0.0.1:41235</c>, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = addresses.Single().TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");

        // Browser suites sign in many times a minute from 127.0.0.1; the limiter is tested over HTTP.
        builder.UseSetting("RateLimiting:Enabled", "false");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // Invitation links must point at this server, whose port is known only once it listens.
        // Options are read per request, so this runs after Start() has set BaseUrl.
        builder.ConfigureServices(services => services.PostConfigure<InvitationOptions>(options =>
        {
            if (BaseUrl.Length > 0)
            {
                options.PublicBaseUrl = BaseUrl;
            }
        }));
    }
}
