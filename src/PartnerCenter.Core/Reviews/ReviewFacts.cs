namespace PartnerCenter.Core.Reviews;

/// <summary>
/// The review queue's line of account facts that bear on a review, as one sentence in every combination
/// (docs/domain.md §7.1). Built here only, so the page never strings fragments together.
/// </summary>
public static class ReviewFacts
{
    /// <returns>Null when none of the facts holds.</returns>
    public static string? Sentence(bool preregisteredByDirectSales, bool hasCashExpenditure, bool onlineSalesTeamMember)
    {
        var facts = new List<string>(3);
        if (preregisteredByDirectSales)
        {
            facts.Add("was preregistered by the platform's direct sales team");
        }

        if (hasCashExpenditure)
        {
            facts.Add("has cash expenditure");
        }

        if (onlineSalesTeamMember)
        {
            facts.Add("belongs to the platform's online sales team");
        }

        return facts.Count switch
        {
            0 => null,
            1 => $"The customer {facts[0]}.",
            _ => $"The customer {string.Join(", ", facts[..^1])} and {facts[^1]}.",
        };
    }
}
