using PartnerCenter.Core.Common;
using PartnerCenter.Core.Partners;

namespace PartnerCenter.Core.Tests.Time;

public class TimeZonesTests
{
    [Theory]
    [InlineData("CN", "Asia/Shanghai")]
    [InlineData("sg", "Asia/Singapore")]
    [InlineData("ZZ", TimeZones.Utc)]
    [InlineData(null, TimeZones.Utc)]
    public void A_country_has_a_default_zone(string? country, string expected) =>
        Assert.Equal(expected, TimeZones.ForCountry(country));

    [Fact]
    public void An_unknown_id_is_utc() => Assert.Equal(TimeSpan.Zero, TimeZones.Find("Mars/Olympus").BaseUtcOffset);

    [Fact]
    public void A_partner_is_in_its_first_business_countrys_zone_unless_it_chose_one()
    {
        var partner = new Partner { Name = "P", BusinessCountries = "CN,SG" };
        Assert.Equal(TimeSpan.FromHours(8), partner.TimeZone.BaseUtcOffset);

        partner.TimeZoneId = "Europe/London";
        Assert.Equal(TimeSpan.Zero, partner.TimeZone.BaseUtcOffset);
        Assert.Equal("Europe/London", partner.TimeZone.Id);
    }
}
