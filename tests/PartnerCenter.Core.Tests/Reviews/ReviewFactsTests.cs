using PartnerCenter.Core.Reviews;

namespace PartnerCenter.Core.Tests.Reviews;

/// <summary>The review queue's facts line reads as one sentence in every combination of facts.</summary>
public class ReviewFactsTests
{
    [Theory]
    [InlineData(false, false, false, null)]
    [InlineData(true, false, false, "The customer was preregistered by the platform's direct sales team.")]
    [InlineData(false, true, false, "The customer has cash expenditure.")]
    [InlineData(false, false, true, "The customer belongs to the platform's online sales team.")]
    [InlineData(true, true, false, "The customer was preregistered by the platform's direct sales team and has cash expenditure.")]
    [InlineData(true, false, true, "The customer was preregistered by the platform's direct sales team and belongs to the platform's online sales team.")]
    [InlineData(false, true, true, "The customer has cash expenditure and belongs to the platform's online sales team.")]
    [InlineData(true, true, true, "The customer was preregistered by the platform's direct sales team, has cash expenditure and belongs to the platform's online sales team.")]
    public void Every_combination_reads_as_a_sentence(bool directSales, bool cash, bool onlineSales, string? expected)
    {
        var sentence = ReviewFacts.Sentence(directSales, cash, onlineSales);

        Assert.Equal(expected, sentence);
        if (sentence is not null)
        {
            Assert.Matches(@"^The customer [a-z][^;]*[a-z]\.$", sentence);
            Assert.DoesNotContain("  ", sentence, StringComparison.Ordinal);
        }
    }
}
