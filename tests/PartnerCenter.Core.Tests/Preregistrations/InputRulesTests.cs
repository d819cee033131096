using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Tests.Preregistrations;

public class InputRulesTests
{
    [Theory]
    [InlineData("jane.doe@example.com", true)]
    [InlineData("jane_doe-1@mail.example.co", true)]
    [InlineData("jane+doe@example.com", false)]
    [InlineData("jane doe@example.com", false)]
    [InlineData("jané@example.com", false)]
    [InlineData("jane@@example.com", false)]
    [InlineData("jane@example", false)]
    [InlineData(".jane@example.com", false)]
    [InlineData("jane..doe@example.com", false)]
    public void Emails_allow_only_letters_digits_underscore_hyphen_and_period(string email, bool valid) =>
        Assert.Equal(valid, EmailAddress.HasOnlyAllowedCharacters(email) && EmailAddress.IsWellFormed(email));

    [Theory]
    [InlineData("+49 1512 3456789", "DE")]
    [InlineData("+6581234567", "SG")]
    [InlineData("+55 11 91234-5678", "BR")]
    public void Valid_mobile_numbers_give_their_country(string input, string region)
    {
        Assert.True(MobileNumber.TryParse(input, out var number));
        Assert.Equal(region, number!.RegionCode);
        Assert.StartsWith("+", number.E164, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("015123456789")]
    [InlineData("+49 30 901820")]
    [InlineData("+49 1512")]
    [InlineData("not a number")]
    public void Invalid_local_or_fixed_line_numbers_are_refused(string input) =>
        Assert.False(MobileNumber.TryParse(input, out _));

    [Fact]
    public void Masks_keep_the_first_letter_the_domain_and_the_last_two_digits()
    {
        Assert.Equal("J*** D***", Masking.Name("John Doe"));
        Assert.Equal("j***@example.com", Masking.Email("john@example.com"));
        Assert.Equal("+49 *** *** 89", Masking.Mobile("+4915123456789"));
    }
}
