using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Tests.Preregistrations;

/// <summary>The one home of the full-name rules: length, control characters, bidirectional controls.</summary>
public class PersonNameTests
{
    [Theory]
    [InlineData('\u202A')]
    [InlineData('\u202B')]
    [InlineData('\u202C')]
    [InlineData('\u202D')]
    [InlineData('\u202E')]
    [InlineData('\u2066')]
    [InlineData('\u2067')]
    [InlineData('\u2068')]
    [InlineData('\u2069')]
    public void Every_bidirectional_control_character_is_refused_with_its_message(char control) =>
        Assert.Equal(PersonName.BidiControls, PersonName.Problem($"Anna {control}Schmidt"));

    [Theory]
    [InlineData('\u2029')]
    [InlineData('\u202F')]
    [InlineData('\u2065')]
    [InlineData('\u206A')]
    [InlineData('\u200F')]
    public void Characters_next_to_the_ranges_are_not_bidi_controls(char neighbour) =>
        Assert.False(PersonName.IsBidiControl(neighbour));

    [Fact]
    public void A_name_of_64_characters_is_valid_and_65_is_too_long()
    {
        Assert.Null(PersonName.Problem(new string('a', 64)));
        Assert.Null(PersonName.Problem("  " + new string('a', 64) + "  "));
        Assert.Equal("The full name can have at most 64 characters.", PersonName.Problem(new string('a', 65)));
        Assert.Equal(PersonName.ControlCharacters, PersonName.Problem("Anna\u0007Schmidt"));
        Assert.Null(PersonName.Problem("\u0645\u0631\u064A\u0645 \u0639\u0644\u064A"));
    }
}
