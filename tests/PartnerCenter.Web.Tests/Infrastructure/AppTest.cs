namespace PartnerCenter.Web.Tests.Infrastructure;

/// <summary>
/// Base of the suites that share one app per test class (the class fixture, <see cref="App"/>). The
/// clients a test opens through <see cref="SignInAsync"/> and <see cref="NewClient"/> belong to that
/// test and are disposed when it ends.
/// </summary>
public abstract class AppTest<TApp> : IClassFixture<TApp>, IDisposable where TApp : TestApp
{
    private readonly List<PartnerCenterClient> clients = [];

    protected AppTest(TApp app) => App = app;

    protected TApp App { get; }

    /// <summary>A client signed in as one of the <see cref="DemoUsers"/> (or any user with the demo password).</summary>
    protected async Task<PartnerCenterClient> SignInAsync(string email, string password = DemoUsers.Password) =>
        Owned(await App.SignedInClientAsync(email, password));

    /// <summary>A client that is not signed in.</summary>
    protected PartnerCenterClient NewClient() => Owned(App.CreatePartnerCenterClient());

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }

            clients.Clear();
        }
    }

    private PartnerCenterClient Owned(PartnerCenterClient client)
    {
        clients.Add(client);
        return client;
    }
}
