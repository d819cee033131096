namespace PartnerCenter.Browser.Tests.Infrastructure;

/// <summary>Tests that share one app and one browser with the default demo data.</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal";
}
